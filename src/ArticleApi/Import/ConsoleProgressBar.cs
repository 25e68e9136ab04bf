namespace ArticleApi.Import;

/// <summary>
/// A one-line progress bar on a terminal, redrawn at most once per percent. It only moves forward: files finish on
/// several threads, so their counts can arrive out of order. Lines printed while it is up go through
/// <see cref="Above"/>, which erases the bar, prints the line, and draws the bar again below it, so no line is glued
/// to the bar.
/// </summary>
internal sealed class ConsoleProgressBar(TextWriter terminal) : IProgress<(int Done, int Total)>
{
    private const int Width = 40;
    private readonly Lock _gate = new();
    private int _done = -1;
    private int _percent = -1;
    private string _line = "";
    private bool _finished;

    public void Report((int Done, int Total) value)
    {
        lock (_gate)
        {
            if (_finished || value.Done <= _done)
            {
                return;
            }

            _done = value.Done;
            var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
            if (percent == _percent)
            {
                return;
            }

            _percent = percent;
            var filled = percent * Width / 100;
            Erase();
            _line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {value.Done}/{value.Total} files";
            terminal.Write(_line);
            terminal.Flush();
        }
    }

    /// <summary>A writer whose text appears above the bar (for the log lines of the pass).</summary>
    public TextWriter Above(TextWriter output) => new AboveWriter(this, output);

    /// <summary>Leaves the last drawn bar on its own line; later output starts on the next one.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (!_finished && _line.Length > 0)
            {
                terminal.WriteLine();
                terminal.Flush();
            }

            _finished = true;
        }
    }

    private void WriteAbove(TextWriter output, string text)
    {
        lock (_gate)
        {
            var redraw = !_finished && _line.Length > 0;
            if (redraw)
            {
                Erase();
            }

            output.Write(text);
            output.Flush();
            if (redraw)
            {
                terminal.Write(_line);
                terminal.Flush();
            }
        }
    }

    private void Erase()
    {
        if (_line.Length > 0)
        {
            terminal.Write('\r' + new string(' ', _line.Length) + '\r');
        }
    }

    private sealed class AboveWriter(ConsoleProgressBar bar, TextWriter output) : TextWriter
    {
        public override System.Text.Encoding Encoding => output.Encoding;

        public override void Write(char value) => bar.WriteAbove(output, value.ToString());

        public override void Write(string? value) => bar.WriteAbove(output, value ?? "");

        public override void Write(char[] buffer, int index, int count) => bar.WriteAbove(output, new string(buffer, index, count));

        public override void WriteLine(string? value) => bar.WriteAbove(output, value + NewLine);

        public override void Flush() => output.Flush();
    }
}
