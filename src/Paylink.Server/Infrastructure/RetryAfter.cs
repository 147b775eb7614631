using System.Globalization;

namespace Paylink.Server.Infrastructure;

/// <summary>The <c>Retry-After</c> of a 429: whole seconds, rounded up, at least one.</summary>
public static class RetryAfter
{
    /// <summary>Sets the header and returns the seconds it says, for a page that repeats them.</summary>
    public static int Set(HttpResponse response, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }
}
