namespace Paylink.Compat.Tests.NodeClient;

/// <summary>
/// tests/interop with the published client installed from its lockfile. Installs with
/// <c>npm ci --ignore-scripts</c> when node_modules is missing: some of the client's dependencies would
/// otherwise download or build native code it never loads.
/// </summary>
public sealed class NodeClientFolder : IAsyncLifetime
{
    public string Path { get; } = Locate();

    public string? InstallFailure { get; private set; }

    public async Task InitializeAsync()
    {
        if (File.Exists(System.IO.Path.Combine(Path, "node_modules", "@blocklet", "payment-js", "package.json")))
        {
            return;
        }

        var install = await ProcessRun.RunAsync("npm", "ci --ignore-scripts --no-audit --no-fund", Path, null, TimeSpan.FromMinutes(10));
        if (install.ExitCode != 0)
        {
            InstallFailure = $"npm ci --ignore-scripts in {Path} failed ({install.ExitCode}):\n{install.Transcript}";
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(System.IO.Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No tests/interop/package-lock.json above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class NodeClientCollection : ICollectionFixture<NodeClientFolder>
{
    public const string Name = "Published Node client";
}
