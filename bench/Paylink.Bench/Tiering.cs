using System.Globalization;

namespace Paylink.Bench;

/// <summary>
/// How much CPU a .NET process's tiered-compilation worker has used: the thread that compiles hot
/// methods again, optimised, once they have run a while. While it is busy the process is still
/// getting faster, so a measurement taken then is not the steady state. Read from
/// <c>/proc/&lt;pid&gt;/task</c>; the worker exits when idle and a new one starts later, so every
/// worker seen is remembered at its last reading.
/// </summary>
public sealed class Tiering(int processId)
{
    private const string WorkerName = ".NET Tiered Com";
    private readonly Dictionary<(int Thread, long Started), long> _ticks = [];

    /// <summary>The workers' CPU time so far, in seconds.</summary>
    public double CpuSeconds()
    {
        lock (_ticks)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != WorkerName)
                    {
                        continue;
                    }

                    var stat = ProcStat.Read(Path.Combine(task, "stat"));
                    _ticks[(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), stat.StartedTicks)] = stat.CpuTicks;
                }
                catch (IOException)
                {
                    // The thread ended between listing and reading: its last reading stays.
                }
            }

            return _ticks.Values.Sum() / 100.0;
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/> while reading the workers twice a second (so a worker that exits
    /// during the load is still counted), and returns the CPU seconds they used meanwhile, summed over
    /// the processes watched.
    /// </summary>
    public static async Task<double> DuringAsync(IReadOnlyList<Tiering> watched, Func<Task> load)
    {
        var before = watched.Sum(w => w.CpuSeconds());
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var w in watched)
                {
                    w.CpuSeconds();
                }

                await Task.Delay(500, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        try
        {
            await load();
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
        }

        return watched.Sum(w => w.CpuSeconds()) - before;
    }
}
