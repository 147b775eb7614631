using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Paylink.Client.Tests;

/// <summary>
/// The real server in process, on SQLite in a temporary folder, with a known test key, rate limits off
/// and <see cref="Faults"/> able to break chosen requests. Shared by every test in <see cref="ServerCollection"/>.
/// </summary>
public sealed class PaylinkServer : WebApplicationFactory<Program>
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "paylink-sdk-tests-" + Guid.NewGuid().ToString("N"));

    public string TestKey { get; } = "sk_test_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);

    public FaultInjection Faults { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paylink:DataDir", dataDir);
        builder.UseSetting("Paylink:SecretKeys:Test", TestKey);
        builder.UseSetting("Paylink:RateLimits:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FaultInjection.StartupFilter(Faults)));
    }

    /// <summary>A client of the in-process server, retrying fast so tests do not wait.</summary>
    public PaymentClient CreatePaymentClient(Action<PaymentClientOptions>? configure = null, params DelegatingHandler[] handlers)
    {
        var options = new PaymentClientOptions
        {
            BaseUrl = Server.BaseAddress,
            ApiKey = TestKey,
            InitialRetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        };
        configure?.Invoke(options);
        return new PaymentClient(options, CreateDefaultClient(handlers));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PaylinkServer>
{
    public const string Name = "server";
}
