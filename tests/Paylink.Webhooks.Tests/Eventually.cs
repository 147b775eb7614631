namespace Paylink.Webhooks.Tests;

/// <summary>Waits, within a bound, for something the server does in the background.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up after {within.TotalSeconds:0} s waiting for {what}; last seen: {value}");
            }

            await Task.Delay(100);
        }
    }

    public static Task<T> WaitForAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan within, string what) =>
        WaitForAsync(() => Task.FromResult(read()), done, within, what);
}
