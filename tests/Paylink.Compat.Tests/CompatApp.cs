using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Paylink.Compat.Tests;

/// <summary>The server over SQLite in a temporary data folder, trusting <see cref="NodeSigner.SpecKey"/> unless told otherwise.</summary>
public class CompatApp : WebApplicationFactory<Program>
{
    public const string TestKey = "sk_test_compatSuiteTestKey0123456789abcdef";
    public const string LiveKey = "sk_live_compatSuiteLiveKey0123456789abcdef";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("paylink-compat-").FullName;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public CompatApp()
        : this(new Dictionary<string, string?> { ["Paylink:TrustedCallers"] = NodeSigner.SpecKey.PublicKeyHex })
    {
    }

    // Not public: xunit builds a class fixture through its one public constructor.
    internal CompatApp(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>Listens on a free port of 127.0.0.1, for callers outside this process.</summary>
    public static CompatApp OnKestrel()
    {
        var app = new CompatApp();
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app;
    }

    public int Port =>
        new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paylink:DataDir", _dataDir);
        builder.UseSetting("Paylink:SecretKeys:Test", TestKey);
        builder.UseSetting("Paylink:SecretKeys:Live", LiveKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
