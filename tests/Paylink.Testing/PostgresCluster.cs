using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Paylink.Testing;

/// <summary>
/// The test run's PostgreSQL server: the one <c>PAYLINK_TEST_POSTGRES</c> names if set, else a throwaway
/// cluster (initdb into a temp folder, pg_ctl on a free 127.0.0.1 port), started once per run by the first
/// caller. It is stopped when the run ends: by <see cref="StopIfStarted"/> where the test framework calls it,
/// else when the test process exits. PostgreSQL will not run as root, so as root the cluster belongs to the
/// <c>postgres</c> user (runuser).
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string FolderPrefix = "paylink-tests-pg-";
    private static readonly Lock Gate = new();
    private static Task<PostgresCluster>? _started;

    // Empty for the server PAYLINK_TEST_POSTGRES names: the run neither started it nor stops it.
    private readonly string _folder;
    private readonly string _bin;

    private PostgresCluster(string folder, string bin, int port)
        : this(folder, bin, $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false")
    {
    }

    private PostgresCluster(string folder, string bin, string adminConnectionString)
    {
        _folder = folder;
        _bin = bin;
        AdminConnectionString = adminConnectionString;
    }

    public string AdminConnectionString { get; }

    private string DataDir => Path.Combine(_folder, "data");

    /// <summary>The run's cluster, started by the first caller.</summary>
    public static Task<PostgresCluster> GetAsync()
    {
        lock (Gate)
        {
            return _started ??= Task.Run(StartAsync);
        }
    }

    /// <summary>
    /// A new, empty database on the run's server, with the default collation; returns a pooled
    /// connection string for it. The database is dropped with the cluster.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = (await GetAsync()).AdminConnectionString;
        var name = "paylink_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    /// <summary>Stops the cluster if this run started one.</summary>
    public static void StopIfStarted()
    {
        Task<PostgresCluster>? started;
        lock (Gate)
        {
            started = _started;
            _started = null;
        }

        if (started is { IsCompletedSuccessfully: true })
        {
            started.Result.Dispose();
        }
    }

    /// <summary>
    /// Stops the server and removes its folder from a detached shell: the test host may be ended soon
    /// after the run's last disposal, while a fast shutdown still takes a moment.
    /// </summary>
    public void Dispose()
    {
        if (_folder.Length == 0)
        {
            return;
        }

        var stop = $"{Quote(Tool("pg_ctl"))} -D {Quote(DataDir)} -m fast -w -t 60 stop";
        if (RunningAsRoot)
        {
            stop = $"runuser -u postgres -- {stop}";
        }

        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{stop} >/dev/null 2>&1; rm -rf {Quote(_folder)} >/dev/null 2>&1");
        using var process = Process.Start(start);
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<PostgresCluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PAYLINK_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return new PostgresCluster("", "", external);
        }

        // Where no test framework stops it (StopIfStarted), the end of the test process does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopIfStarted();
        SweepLeftovers();
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (RunningAsRoot)
        {
            Run("chown", ["-R", "postgres:", folder]);
        }

        var cluster = new PostgresCluster(folder, bin, 0);
        cluster.Run(cluster.Tool("initdb"), ["-D", cluster.DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            // Durability is not under test here, speed is; connections: every test class has its own pool.
            await File.AppendAllTextAsync(Path.Combine(cluster.DataDir, "postgresql.conf"), $"""

                port = {port}
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                max_connections = 400
                shared_buffers = 64MB
                """);
            var log = Path.Combine(cluster._folder, "server.log");
            if (cluster.Run(cluster.Tool("pg_ctl"), ["-D", cluster.DataDir, "-l", log, "-w", "-t", "60", "start"], check: attempt == 3) == 0)
            {
                return new PostgresCluster(folder, bin, port);
            }
        }
    }

    private string Tool(string name) => Path.Combine(_bin, name);

    private int Run(string tool, string[] args, bool check = true) =>
        RunningAsRoot ? Run("runuser", ["-u", "postgres", "--", tool, .. args], check, _folder) : Run(tool, args, check, _folder);

    private static int Run(string file, string[] args, bool check = true, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }

        return process.ExitCode;
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .ToList()
            : [];
        if (versions.Count > 0)
        {
            return Path.Combine(versions[0], "bin");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found: install PostgreSQL (.ci/run does) or set PAYLINK_TEST_POSTGRES to a connection string.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Clusters left by an earlier run that was killed before it could stop them.</summary>
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pidFile = Path.Combine(folder, "owner.pid");
            if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid) || IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(folder, "data");
            if (Directory.Exists(data))
            {
                new PostgresCluster(folder, FindBinaries(), 0).Run(Path.Combine(FindBinaries(), "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], check: false);
            }

            TryDelete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
