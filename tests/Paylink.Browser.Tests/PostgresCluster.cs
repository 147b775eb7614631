using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Paylink.Browser.Tests;

/// <summary>
/// A PostgreSQL 15 server for the tests: <c>PAYLINK_TEST_POSTGRES</c> if set, else a throwaway cluster
/// (initdb in a temp folder, on a free 127.0.0.1 port, as the postgres user when running as root),
/// started once per test run and stopped when the run ends.
/// </summary>
public static class PostgresCluster
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Server.Value;
        var name = "paylink_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PAYLINK_TEST_POSTGRES") is { Length: > 0 } external)
        {
            return external;
        }

        var dir = Path.Combine(Path.GetTempPath(), "paylink-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {dir}", asPostgres: false);
        }

        var port = FreePort();
        await RunAsync($"{Bin}/initdb", $"-D {dir}/data -A trust -U postgres -E UTF8 --locale=C --no-sync", asRoot);
        await RunAsync($"{Bin}/pg_ctl",
            $"-D {dir}/data -l {dir}/server.log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start", asRoot);
        // Stopped and removed by a shell of its own: the test host may be ended before a handler that
        // waits for pg_ctl and then deletes the folder has finished, which left a cluster's 40 MB behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var stop = $"{Bin}/pg_ctl -D {dir}/data -m immediate stop";
            var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            shell.ArgumentList.Add("-c");
            shell.ArgumentList.Add($"{(asRoot ? "runuser -u postgres -- " : "")}{stop} >/dev/null 2>&1; rm -rf {dir}");
            using var process = Process.Start(shell);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await output} {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
