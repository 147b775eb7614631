using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Paylink.Testing;

/// <summary>
/// A real Paylink server on Kestrel (127.0.0.1, a free port, SQLite in a temp folder) and Debian's
/// Chromium driven by Playwright. Every log line the server writes is kept, so tests can search it.
/// </summary>
public class CheckoutServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TestKey = "sk_test_browser0000000000000000000000000000";
    public const string TermsUrl = "https://example.com/terms";

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "paylink-browser-" + Guid.NewGuid().ToString("N"));
    public ConcurrentQueue<string> Logs { get; } = new();
    public Uri BaseAddress { get; private set; } = default!;
    public HttpClient Api { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright _playwright = default!;

    public CheckoutServer()
    {
        UseKestrel(0);
    }

    /// <summary>Null for SQLite; a database of its own on the test PostgreSQL server otherwise.</summary>
    protected string? PostgresConnection { get; set; }

    public string Provider => PostgresConnection is null ? "Sqlite" : "Postgres";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Paylink:DataDir", DataDir);
        if (PostgresConnection is not null)
        {
            builder.UseSetting("Paylink:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Paylink", PostgresConnection);
        }

        builder.UseSetting("Paylink:SecretKeys:Test", TestKey);
        builder.UseSetting("Paylink:RateLimits:Enabled", "false");
        builder.UseSetting("Paylink:TermsOfServiceUrl", TermsUrl);
        builder.UseSetting("Paylink:Merchant:Name", "Acme Boxes");
        builder.UseSetting("Paylink:Merchant:SupportEmail", "help@acme.test");
        builder.ConfigureLogging(logging => logging.AddProvider(new KeepingLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
    }

    public virtual async Task InitializeAsync()
    {
        StartServer();
        var client = CreateClient();
        BaseAddress = client.BaseAddress!;
        Api = client;
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKey);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = locale ?? "en-US",
        });
        return await context.NewPageAsync();
    }

    public async Task<JsonObject> PostAsync(string path, object body)
    {
        var response = await Api.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {json}");
        return json!;
    }

    public async Task<JsonObject> GetAsync(string path) => (await Api.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>A product with one price, and a payment link selling it; <paramref name="link"/> adds link options.</summary>
    public async Task<(string LinkId, string PriceId)> CreateLinkAsync(string productName = "Monthly Subscription Box", string amount = "20.00",
        string currency = "usd", JsonObject? link = null, JsonObject? lineItem = null, JsonObject? price = null)
    {
        var priceBody = price ?? new JsonObject { ["unit_amount"] = amount };
        priceBody["currency_id"] = currency;
        var product = await PostAsync("/api/products", new JsonObject { ["name"] = productName, ["prices"] = new JsonArray(priceBody) });
        var priceId = product["prices"]![0]!["id"]!.GetValue<string>();
        var item = lineItem ?? new JsonObject { ["quantity"] = 1 };
        item["price_id"] = priceId;
        var body = link ?? [];
        body["name"] = "Browser test link";
        body["currency_id"] = currency;
        body["line_items"] = new JsonArray(item);
        var created = await PostAsync("/api/payment-links", body);
        return (created["id"]!.GetValue<string>(), priceId);
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class KeepingLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
