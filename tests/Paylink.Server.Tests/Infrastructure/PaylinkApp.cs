using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>
/// The Paylink server in memory, on one <see cref="TestDatabase"/>, with known secret keys. As a class
/// fixture (<see cref="SqliteApp"/>, <see cref="PostgresApp"/>) it makes its own database and drops it
/// afterwards; made by hand on an existing database it leaves that database alone (restart tests).
/// </summary>
public class PaylinkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestKey = "sk_test_PaylinkTestsKnownTestKey0000000001";
    public const string LiveKey = "sk_live_PaylinkTestsKnownLiveKey0000000001";

    private readonly DatabaseKind _kind;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    /// <summary>A host on its own new database, made in <see cref="InitializeAsync"/>.</summary>
    protected PaylinkApp(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        _kind = kind;
        _ownsDatabase = true;
        _settings = new(settings ?? new Dictionary<string, string?>());
        _time = time;
    }

    /// <summary>A host on an existing database, which the caller keeps and disposes.</summary>
    public PaylinkApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        _kind = database.Kind;
        Database = database;
        _settings = new(settings ?? new Dictionary<string, string?>());
        _time = time;
    }

    public TestDatabase? Database { get; private set; }

    public DatabaseKind Kind => _kind;

    /// <summary>A host with its own new database, disposed with it.</summary>
    public static async Task<PaylinkApp> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var app = new PaylinkApp(kind, settings, time);
        await app.InitializeAsync();
        return app;
    }

    /// <summary>A client that sends <paramref name="key"/> (the test key unless told; null for none).</summary>
    public HttpClient Client(string? key = TestKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public HttpClient LiveClient() => Client(LiveKey);

    public virtual async Task InitializeAsync()
    {
        Database ??= await TestDatabase.CreateAsync(_kind);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && Database is not null)
        {
            await Database.DisposeAsync();
            Database = null;
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var database = Database ?? throw new InvalidOperationException("InitializeAsync makes the database before the host starts.");
        var settings = new Dictionary<string, string?>
        {
            ["Paylink:SecretKeys:Test"] = TestKey,
            ["Paylink:SecretKeys:Live"] = LiveKey,
        };
        foreach (var (key, value) in database.Settings.Concat(_settings))
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_time));
        }
    }
}

/// <summary>A class fixture: the server on a new SQLite database.</summary>
public sealed class SqliteApp() : PaylinkApp(DatabaseKind.Sqlite);

/// <summary>A class fixture: the server on a new PostgreSQL database.</summary>
public sealed class PostgresApp() : PaylinkApp(DatabaseKind.Postgres);
