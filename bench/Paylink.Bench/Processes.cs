using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Paylink.Bench;

/// <summary>A program the benchmark starts and stops: the Paylink server or the ceiling app.</summary>
public sealed class HostedProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostedProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Tiering = new Tiering(process.Id);
    }

    /// <summary>The process's tiered compilation, to warm up until it is done.</summary>
    public Tiering Tiering { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static async Task<HostedProcess> StartAsync(string dll, IEnumerable<string> arguments, string healthPath, IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine("  [server] " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hosted = new HostedProcess(process, port);
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(hosted.BaseAddress, healthPath))).IsSuccessStatusCode)
                {
                    return hosted;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before it answered.");
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{dll} did not answer {healthPath} within a minute.");
    }

    /// <summary>The most resident memory the process has held since it started (VmHWM), in MB.</summary>
    public double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Waits until the process uses under 2% of a core over a second (at most <paramref name="limit"/>):
    /// after a load, .NET goes on compiling the methods it queued for optimisation for several seconds,
    /// which would slow whatever is measured next on the same two cores.
    /// </summary>
    public async Task WaitUntilIdleAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var before = CpuTicks();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = CpuTicks();
            if (now - before <= 2)
            {
                return;
            }

            before = now;
        }
    }

    private long CpuTicks() => ProcStat.Read($"/proc/{_process.Id}/stat").CpuTicks;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A throwaway PostgreSQL 15 cluster for <c>--postgres</c> runs (as the postgres user when run as root).</summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;
    private readonly bool _asRoot = Environment.UserName == "root";

    private BenchPostgres(string dir, int port)
    {
        _dir = dir;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=100";
    }

    public string ConnectionString { get; }

    public static async Task<BenchPostgres> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "paylink-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var cluster = new BenchPostgres(dir, HostedProcess.FreePort());
        var port = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString).Port;
        if (cluster._asRoot)
        {
            await Run("chown", $"postgres:postgres {dir}", false);
        }

        await Run($"{Bin}/initdb", $"-D {dir}/data -A trust -U postgres -E UTF8 --locale=C", cluster._asRoot);
        await Run($"{Bin}/pg_ctl", $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB\" start", cluster._asRoot);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Run($"{Bin}/pg_ctl", $"-D {_dir}/data -m fast stop", _asRoot);
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}") : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await error}");
        }
    }
}

/// <summary>A process's or a thread's <c>/proc/…/stat</c>: the fields the benchmark reads.</summary>
public readonly record struct ProcStat(long CpuTicks, long StartedTicks)
{
    /// <summary>Reads one stat file; its name field may hold spaces, so the fields are counted from the last ')'.</summary>
    public static ProcStat Read(string path)
    {
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime (user and system CPU, in hundredths of a second), then starttime.
        return new(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The machine around a measured load: the serving process's CPU (user + system) and the whole machine's
/// time from the first line of <c>/proc/stat</c>, of which <c>steal</c> is what the hypervisor gave to
/// other guests. Both in the kernel's clock ticks (hundredths of a second).
/// </summary>
public readonly record struct MachineSample(long ProcessTicks, long Steal, long Total)
{
    public static MachineSample Take(int processId)
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest time is inside user).
        var ticks = cpu.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new(ProcStat.Read($"/proc/{processId}/stat").CpuTicks, ticks[7], ticks.Sum());
    }
}
