using System.Diagnostics;
using System.Text;

namespace Paylink.Compat.Tests.NodeClient;

/// <summary>Runs a program to its end, keeping what it printed; a hung one is stopped after <c>limit</c>.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Everything printed, for a failure message.</summary>
    public string Transcript => Errors.Length == 0 ? Output : $"{Output}\n--- stderr ---\n{Errors}";

    public static async Task<ProcessRun> RunAsync(string program, string arguments, string folder, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessRun(-1, "", $"Could not start '{program}': {e.Message}. Install Node.js 20 or later with npm.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(errors, $"[stopped: still running after {limit.TotalMinutes} minutes]");
            return new ProcessRun(-1, output.ToString(), errors.ToString());
        }

        // Makes sure the asynchronous readers have delivered the last lines.
        process.WaitForExit();
        return new ProcessRun(process.ExitCode, output.ToString(), errors.ToString());
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
