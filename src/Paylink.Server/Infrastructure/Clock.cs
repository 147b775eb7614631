namespace Paylink.Server.Infrastructure;

public static class Clock
{
    /// <summary>Now in UTC, cut to the millisecond the wire shows, so stored and returned instants agree exactly.</summary>
    public static DateTime UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
