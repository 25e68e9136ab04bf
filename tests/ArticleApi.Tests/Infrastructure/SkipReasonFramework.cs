using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("ArticleApi.Tests.Infrastructure.SkipReasonFramework", "ArticleApi.Tests")]

namespace ArticleApi.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, plus one line per skipped test with its reason. <c>dotnet test</c> at its default verbosity
/// lists a skipped test by name only; the reason (no corpus, no PostgreSQL server) is what a reader needs. Diagnostic
/// messages are shown at that verbosity (xunit.runner.json turns them on), so the reason goes there.
/// </summary>
public sealed class SkipReasonFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(testCases, new SkipReasonSink(executionMessageSink, DiagnosticMessageSink), executionOptions);
    }

    private sealed class SkipReasonSink(IMessageSink inner, IMessageSink diagnostics) : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestSkipped skipped)
            {
                diagnostics.OnMessage(new DiagnosticMessage($"Skipped {skipped.Test.DisplayName}: {skipped.Reason}"));
            }

            return inner.OnMessage(message);
        }
    }
}
