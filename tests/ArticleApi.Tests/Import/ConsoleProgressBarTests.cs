using ArticleApi.Import;

namespace ArticleApi.Tests.Import;

public sealed class ConsoleProgressBarTests
{
    [Fact]
    public void CountsArrivingOutOfOrderNeverMoveTheBarBack()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var bar = new ConsoleProgressBar(terminal);

        bar.Report((3, 10));
        bar.Report((2, 10));
        bar.Report((5, 10));
        bar.Report((4, 10));
        bar.Finish();

        Assert.Equal(
            "[############............................]  30% 3/10 files"
            + Erase(58) + "[####################....................]  50% 5/10 files\n",
            terminal.ToString());
    }

    [Fact]
    public void ALinePrintedWhileTheBarIsUpGoesAboveItOnItsOwnLine()
    {
        using var terminal = new StringWriter { NewLine = "\n" };
        var bar = new ConsoleProgressBar(terminal);
        using var log = bar.Above(terminal);

        bar.Report((1, 4));
        log.Write("[10:00:00 WRN] Import failed for a.md\n");
        bar.Report((4, 4));
        bar.Finish();
        log.Write("report\n");

        Assert.Equal(
            "[##########..............................]  25% 1/4 files"
            + Erase(57) + "[10:00:00 WRN] Import failed for a.md\n" + "[##########..............................]  25% 1/4 files"
            + Erase(57) + "[########################################] 100% 4/4 files\n"
            + "report\n",
            terminal.ToString());
    }

    private static string Erase(int width) => "\r" + new string(' ', width) + "\r";
}
