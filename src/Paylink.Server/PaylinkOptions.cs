namespace Paylink.Server;

/// <summary>The <c>Paylink</c> configuration section (<c>Paylink__…</c> environment variables).</summary>
public sealed class PaylinkOptions
{
    public string DataDir { get; set; } = "./data";
    public string? PublicBaseUrl { get; set; }
    public string? TermsOfServiceUrl { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public SecretKeyOptions SecretKeys { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public Features.Checkout.Pages.Merchant Merchant { get; set; } = new();
    public Features.Webhooks.WebhookOptions Webhooks { get; set; } = new();
    public Startup.KeyRingOptions KeyRing { get; set; } = new();

    /// <summary>Who may frame the payment page (CSP <c>frame-ancestors</c>); none by default.</summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>Create a test-mode demo product, price and payment link at start, and print the link.</summary>
    public bool Demo { get; set; }

    /// <summary>The public base URL for links: the setting, else the request's own scheme and host.</summary>
    public string BaseUrl(HttpRequest request) =>
        (PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');
}

public sealed class DatabaseOptions
{
    public string Provider { get; set; } = "Sqlite";

    /// <summary>SQLite's <c>synchronous</c>: <c>FULL</c> (default: a committed payment survives power loss) or <c>NORMAL</c> (faster; the last commits may be lost on power loss, never corrupted).</summary>
    public string Synchronous { get; set; } = "FULL";
}

public sealed class SecretKeyOptions
{
    private string? _test;
    private string? _live;

    // An empty setting (Paylink__SecretKeys__Test=) means "not configured": generate one, never accept "".
    public string? Test { get => _test; set => _test = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }

    public string? Live { get => _live; set => _live = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); }
}

public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>API requests each key may make per second, sustained.</summary>
    public int ApiPerSecond { get; set; } = 500;

    /// <summary>Checkout form posts each client address may make per minute.</summary>
    public int CheckoutPerMinute { get; set; } = 120;

    /// <summary>API requests with a missing or wrong credential each client address may make per minute before the next is a 429.</summary>
    public int FailedAuthPerMinute { get; set; } = 30;
}
