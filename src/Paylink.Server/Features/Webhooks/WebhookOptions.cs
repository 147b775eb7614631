using System.Globalization;

namespace Paylink.Server.Features.Webhooks;

/// <summary>The <c>Paylink:Webhooks</c> settings (<c>Paylink__Webhooks__…</c>). Durations are written <c>500ms</c>, <c>5s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>The waits before each retry; one attempt plus one per entry. The default adds up to about three days.</summary>
    public string RetryDelays { get; set; } = "5s,5m,30m,2h,5h,10h,10h,10h";

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public string Timeout { get; set; } = "10s";

    /// <summary>How often the dispatcher looks for work it was not told about (other instances' events, retries falling due).</summary>
    public string PollInterval { get; set; } = "1s";

    /// <summary>Let endpoints target loopback, link-local and private addresses (a receiver on this machine or its network), in both modes. Their replies are never recorded.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>Run the dispatcher in this process (an instance that only serves the API may turn it off).</summary>
    public bool Dispatch { get; set; } = true;

    public IReadOnlyList<TimeSpan> RetryDelayList() =>
        RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => ParseDuration(d, "Paylink:Webhooks:RetryDelays")).ToList();

    public TimeSpan AttemptTimeout() => ParseDuration(Timeout, "Paylink:Webhooks:Timeout");

    public TimeSpan PollEvery() => ParseDuration(PollInterval, "Paylink:Webhooks:PollInterval");

    public static TimeSpan ParseDuration(string text, string setting)
    {
        var unitStart = text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        if (unitStart == 0 || !double.TryParse(text[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new InvalidOperationException($"{setting}: '{text}' is not a duration such as 500ms, 5s, 5m, 2h or 1d.");
        }

        return text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => throw new InvalidOperationException($"{setting}: '{text}' is not a duration such as 500ms, 5s, 5m, 2h or 1d."),
        };
    }
}
