namespace Paylink.Server.Infrastructure;

/// <summary>
/// Background work done in passes, one every <see cref="Every"/> until shutdown. A pass that fails is
/// logged and simply runs again next time: each pass starts from what the database says.
/// </summary>
public abstract class RepeatingPass(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock passes are timed by (and read the time from).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The pause between two passes.</summary>
    protected abstract TimeSpan Every { get; }

    /// <summary>What a pass does, for the log (as in "<c>Checkout sweep</c> failed").</summary>
    protected abstract string Name { get; }

    /// <summary>One pass.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Pass} failed; it will run again.", Name);
            }

            await Task.Delay(Every, Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
