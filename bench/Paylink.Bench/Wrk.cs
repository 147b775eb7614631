using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Paylink.Bench;

public sealed record LoadResult(string Scenario, double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long Requests)
{
    /// <summary>For the scenarios compared with the ceiling: its requests per second measured just before and just after this scenario.</summary>
    public (double Before, double After)? CeilingAround { get; init; }

    /// <summary>How long the same load ran, unmeasured, before this measurement (see <c>WarmUpAsync</c>).</summary>
    public int WarmupSeconds { get; init; }

    /// <summary>The ceiling this scenario is compared with: the mean of the two measured around it.</summary>
    public double? Ceiling => CeilingAround is var (before, after) ? (before + after) / 2 : null;

    /// <summary>The serving process's CPU (user + system) per request over the measured load, in microseconds.</summary>
    public double CpuMicrosecondsPerRequest { get; init; } = double.NaN;

    /// <summary>The share of the machine's time the hypervisor gave to other guests during the measured load, in percent.</summary>
    public double StealPercent { get; init; } = double.NaN;

    /// <summary>This result with what the machine did between the two samples taken around it.</summary>
    public LoadResult Around(MachineSample before, MachineSample after) => this with
    {
        // Ticks are hundredths of a second: 10,000 µs each.
        CpuMicrosecondsPerRequest = Requests > 0 ? (after.ProcessTicks - before.ProcessTicks) * 10_000.0 / Requests : double.NaN,
        StealPercent = after.Total > before.Total ? (after.Steal - before.Steal) * 100.0 / (after.Total - before.Total) : 0,
    };
}

/// <summary>Runs wrk (Debian's package) with a Lua script and reads its summary.</summary>
public static partial class Wrk
{
    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"^\s+(50|99)(?:\.0+)?%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Total();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    public static async Task<LoadResult> RunAsync(string scenario, Uri target, string script, Options options, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", options.Threads.ToString(CultureInfo.InvariantCulture), "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{options.Seconds}s", "--latency", "--timeout", "10s", "-s", script, target.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !Rate().IsMatch(output))
        {
            throw new InvalidOperationException($"wrk failed for {scenario}: {output} {error}");
        }

        double p50 = double.NaN, p99 = double.NaN;
        foreach (Match m in Percentile().Matches(output))
        {
            var value = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * m.Groups[3].Value switch { "us" => 0.001, "s" => 1000, _ => 1 };
            if (m.Groups[1].Value == "50")
            {
                p50 = value;
            }
            else
            {
                p99 = value;
            }
        }

        long errors = Non2xx().Match(output) is { Success: true } n ? long.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        if (SocketErrors().Match(output) is { Success: true } s)
        {
            errors += Enumerable.Range(1, 4).Sum(i => long.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture));
        }

        return new LoadResult(scenario, double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture), p50, p99, errors,
            long.Parse(Total().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }
}

public sealed record Options(int Seconds, int Connections, int Threads, int Links, bool Postgres, bool RelaxedSync, int WarmupSeconds)
{
    /// <summary>The longest a warm-up goes on while the JIT is still compiling (<c>--warmup-max</c>).</summary>
    public int MaxWarmupSeconds { get; init; } = 90;

    /// <summary>The scenarios to run (retrieve, list, cursor, page, create, purchase); empty runs them all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);
}
