using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ArticleApi.Import.Reading;

/// <summary>
/// A file's SHA-256 held as four numbers: 32 bytes in a struct, where the stored hex text costs over 150 bytes and an
/// object per article. The database keeps the lowercase hex (<see cref="ToString"/>).
/// </summary>
internal readonly record struct ContentDigest(ulong A, ulong B, ulong C, ulong D) : IComparable<ContentDigest>
{
    public static ContentDigest Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return FromHash(hash);
    }

    /// <summary>The digest of a stored hex hash; text that is not one gives a digest no file has (all zero).</summary>
    public static ContentDigest Parse(string hex)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        return hex.Length == 2 * SHA256.HashSizeInBytes && Convert.FromHexString(hex, hash, out _, out _) == System.Buffers.OperationStatus.Done
            ? FromHash(hash)
            : default;
    }

    public int CompareTo(ContentDigest other) =>
        A != other.A ? A.CompareTo(other.A) : B != other.B ? B.CompareTo(other.B) : C != other.C ? C.CompareTo(other.C) : D.CompareTo(other.D);

    public override string ToString()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        BinaryPrimitives.WriteUInt64BigEndian(hash, A);
        BinaryPrimitives.WriteUInt64BigEndian(hash[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(hash[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(hash[24..], D);
        return Convert.ToHexStringLower(hash);
    }

    private static ContentDigest FromHash(ReadOnlySpan<byte> hash) => new(
        BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(hash[16..]), BinaryPrimitives.ReadUInt64BigEndian(hash[24..]));
}
