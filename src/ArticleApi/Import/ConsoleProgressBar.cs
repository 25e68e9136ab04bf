namespace ArticleApi.Import;

/// <summary>A one-line progress bar on standard error, redrawn at most once per percent.</summary>
internal sealed class ConsoleProgressBar : IProgress<(int Done, int Total)>
{
    private const int Width = 40;
    private int _lastPercent = -1;

    public void Report((int Done, int Total) value)
    {
        var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {value.Done}/{value.Total} files");
    }

    public void Finish()
    {
        if (_lastPercent >= 0)
        {
            Console.Error.WriteLine();
        }
    }
}
