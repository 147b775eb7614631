using Paylink.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Paylink.Server.Tests.Infrastructure.PaylinkTestFramework", "Paylink.Server.Tests")]

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>xunit's own framework, plus one thing at the end of the run: stopping the PostgreSQL cluster the tests started.</summary>
public sealed class PaylinkTestFramework : XunitTestFramework
{
    public PaylinkTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        DisposalTracker.Add(new ClusterStopper());
    }

    private sealed class ClusterStopper : IDisposable
    {
        public void Dispose() => PostgresCluster.StopIfStarted();
    }
}
