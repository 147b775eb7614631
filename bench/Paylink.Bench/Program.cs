using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Paylink.Bench;

// Starts the ceiling app and then Paylink (Release builds from bench/out), loads each over loopback,
// and prints one table. See bench/README.md for what the numbers mean and the last results.
var options = ParseOptions(args);
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var lua = Path.Combine(root, "bench", "lua");
var results = new List<(int Links, LoadResult Result)>();
Console.WriteLine($"Paylink benchmark: {(options.Postgres ? "PostgreSQL" : "SQLite")}, {options.Connections} connections, {options.Threads} wrk threads, {options.Seconds}s per scenario after {options.WarmupSeconds}-{options.MaxWarmupSeconds}s of warm-up, {Environment.ProcessorCount} cores");

// The ceiling app stays up (idle) for the whole run: each scenario compared with it is compared with
// the ceiling measured around it, since this machine's speed drifts within a run.
await using var ceilingApp = await HostedProcess.StartAsync(Path.Combine(root, "bench/out/ceiling/Ceiling.dll"), [], "/json");
var ceilingEnv = new Dictionary<string, string> { ["BENCH_PATH"] = "/json" };
results.Add((0, await MeasureAsync("ceiling: bare endpoint, 1 KB JSON", ceilingApp, Path.Combine(lua, "get.lua"), ceilingEnv)));

var key = "sk_test_bench" + Guid.NewGuid().ToString("N");
var dataDir = Path.Combine(Path.GetTempPath(), "paylink-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);
await using var postgres = options.Postgres ? await BenchPostgres.StartAsync() : null;
var serverArgs = new List<string> { $"--Paylink:DataDir={dataDir}", $"--Paylink:SecretKeys:Test={key}", "--Paylink:RateLimits:Enabled=false" };
if (options.RelaxedSync)
{
    serverArgs.Add("--Paylink:Database:Synchronous=NORMAL");
}

var serverEnv = new Dictionary<string, string>();
if (postgres is not null)
{
    serverEnv["Paylink__Database__Provider"] = "Postgres";
    serverEnv["ConnectionStrings__Paylink"] = postgres.ConnectionString;
}

double peakMemory;
await using (var server = await HostedProcess.StartAsync(Path.Combine(root, "bench/out/server/Paylink.Server.dll"), serverArgs, "/healthz", serverEnv))
{
    using var api = new HttpClient { BaseAddress = server.BaseAddress };
    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    var product = await Post(api, "/api/products", new JsonObject { ["name"] = "Monthly Subscription Box", ["prices"] = new JsonArray(new JsonObject { ["currency_id"] = "usd", ["unit_amount"] = "20.00" }) });
    var priceId = product["prices"]![0]!["id"]!.GetValue<string>();
    var buyLink = (await Post(api, "/api/payment-links", new JsonObject { ["name"] = "Bench purchases", ["currency_id"] = "usd", ["line_items"] = new JsonArray(new JsonObject { ["price_id"] = priceId, ["quantity"] = 1 }) }))["id"]!.GetValue<string>();
    var seeder = new Seeder(postgres is null ? Path.Combine(dataDir, "paylink.db") : null, postgres?.ConnectionString);
    var env = new Dictionary<string, string> { ["PAYLINK_KEY"] = key, ["BENCH_PRICE"] = priceId };

    await seeder.AddLinksAsync(1, 1000, priceId);
    await ReadScenariosAsync(1000);

    if (options.Runs("create"))
    {
        var create = await MeasureAsync("create a payment link", server, Path.Combine(lua, "create.lua"), env);
        results.Add((1000, create));
        results.Add((1000, await SampledAsync(server, () => ClientLoads.PacedCreatesAsync(server.BaseAddress, key, priceId, Math.Max(1, (int)(create.RequestsPerSecond / 2)), options.Seconds))));
    }

    if (options.Runs("purchase"))
    {
        var customers = Math.Max(4, options.Connections / 4);
        // The customers are this process: its own compilation slows the machine too.
        var warmup = await WarmUpAsync([server.Tiering, new Tiering(Environment.ProcessId)],
            seconds => ClientLoads.PurchasesAsync(server.BaseAddress, buyLink, customers, seconds));
        results.Add((1000, await SampledAsync(server, () => ClientLoads.PurchasesAsync(server.BaseAddress, buyLink, customers, options.Seconds)) with { WarmupSeconds = warmup }));
    }

    if (options.Links > 1000 && new[] { "retrieve", "list", "cursor", "page" }.Any(options.Runs))
    {
        var started = DateTime.UtcNow;
        await seeder.AddLinksAsync(1001, options.Links, priceId);
        Console.WriteLine($"  seeded {options.Links:N0} links in {(DateTime.UtcNow - started).TotalSeconds:F0}s");
        await ReadScenariosAsync(options.Links);
    }

    peakMemory = server.PeakResidentMegabytes();

    async Task ReadScenariosAsync(int links)
    {
        var linkEnv = new Dictionary<string, string>(env) { ["BENCH_LINKS"] = links.ToString(CultureInfo.InvariantCulture) };
        if (options.Runs("retrieve"))
        {
            results.Add((links, await AgainstCeilingAsync(server, () => MeasureAsync("retrieve a payment link (expanded)", server, Path.Combine(lua, "retrieve.lua"), linkEnv))));
        }

        if (options.Runs("list"))
        {
            results.Add((links, await MeasureAsync("list, first page", server, Path.Combine(lua, "get.lua"),
                new Dictionary<string, string>(env) { ["BENCH_PATH"] = "/api/payment-links?pageSize=20" })));
        }

        if (options.Runs("cursor"))
        {
            results.Add((links, await MeasureAsync("list, cursor page deep in the table", server, Path.Combine(lua, "get.lua"),
                new Dictionary<string, string>(env) { ["BENCH_PATH"] = "/api/payment-links?pageSize=20&starting_after=pl_bench0000000000000100" })));
        }

        if (options.Runs("page"))
        {
            results.Add((links, await AgainstCeilingAsync(server, () => MeasureAsync("payment link page (GET)", server, Path.Combine(lua, "retrieve.lua"),
                new Dictionary<string, string>(linkEnv) { ["BENCH_PREFIX"] = "/checkout/pay/" }))));
        }
    }
}

Directory.Delete(dataDir, recursive: true);
Console.WriteLine();
Console.WriteLine($"| scenario | links | req/s | p50 ms | p99 ms | errors | of ceiling | ceiling before / after | server CPU µs/req | steal % | warm-up s |");
Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (links, r) in results)
{
    var ratio = r.CeilingAround is var (before, after)
        ? string.Create(CultureInfo.InvariantCulture, $"{r.RequestsPerSecond / r.Ceiling!.Value:P0} | {before:F0} / {after:F0}")
        : " | ";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Scenario} | {(links == 0 ? "" : links.ToString("N0", CultureInfo.InvariantCulture))} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.Errors} | {ratio} | {r.CpuMicrosecondsPerRequest:F0} | {r.StealPercent:F1} | {(r.WarmupSeconds > 0 ? r.WarmupSeconds.ToString(CultureInfo.InvariantCulture) : "")} |"));
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak resident memory of the server over the run: {peakMemory:F0} MB"));
return 0;

// Every scenario runs twice with the same load: first unmeasured until the process serving it is at
// its steady state, then measured.
async Task<LoadResult> MeasureAsync(string scenario, HostedProcess process, string script, IDictionary<string, string> environment)
{
    var warmup = await WarmUpAsync([process.Tiering], seconds => Wrk.RunAsync("warm-up", process.BaseAddress, script, options with { Seconds = seconds }, environment));
    return await SampledAsync(process, () => Wrk.RunAsync(scenario, process.BaseAddress, script, options, environment)) with { WarmupSeconds = warmup };
}

// A measured load with the serving process's CPU per request and the hypervisor's steal over it: this
// machine is a shared guest, and a scenario's rate moves with what the host gives it (bench/README).
static async Task<LoadResult> SampledAsync(HostedProcess serving, Func<Task<LoadResult>> load)
{
    var before = MachineSample.Take(serving.ProcessId);
    var result = await load();
    return result.Around(before, MachineSample.Take(serving.ProcessId));
}

// The warm-up: the scenario's own load, 5 s at a time, for at least --warmup seconds and then for as
// long as the JIT's tiered compilation worked in the last 5 s (over a tenth of a CPU second: it is
// still replacing hot code with optimised code), up to --warmup-max. How long that takes depends on the
// machine and on how much new code the scenario runs (bench/README.md, "The benchmark's warm-up").
async Task<int> WarmUpAsync(IReadOnlyList<Tiering> watched, Func<int, Task> load)
{
    const int Stretch = 5;
    var spent = 0;
    while (options.WarmupSeconds > 0 && spent < Math.Max(options.WarmupSeconds, options.MaxWarmupSeconds))
    {
        var seconds = spent < options.WarmupSeconds ? Math.Min(Stretch, options.WarmupSeconds - spent) : Stretch;
        var compiling = await Tiering.DuringAsync(watched, () => load(seconds));
        spent += seconds;
        if (spent >= options.WarmupSeconds && compiling <= 0.1)
        {
            break;
        }
    }

    return spent;
}

// A scenario compared with the ceiling: the ceiling is measured just before and just after it (this
// machine's speed drifts within minutes), and the scenario's ratio is taken against their mean.
async Task<LoadResult> AgainstCeilingAsync(HostedProcess server, Func<Task<LoadResult>> scenario)
{
    var before = await CeilingNowAsync(server);
    var result = await scenario();
    return result with { CeilingAround = (before, await CeilingNowAsync(server)) };
}

// The ceiling again, already warm: once Paylink is idle, a short warm-up for the connections, then the same measured load.
async Task<double> CeilingNowAsync(HostedProcess quiet)
{
    await quiet.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
    if (options.WarmupSeconds > 0)
    {
        await Wrk.RunAsync("warm-up", ceilingApp.BaseAddress, Path.Combine(lua, "get.lua"), options with { Seconds = Math.Min(3, options.WarmupSeconds) }, ceilingEnv);
    }

    return (await Wrk.RunAsync("ceiling, around a scenario", ceilingApp.BaseAddress, Path.Combine(lua, "get.lua"), options, ceilingEnv)).RequestsPerSecond;
}

static async Task<JsonObject> Post(HttpClient api, string path, JsonObject body)
{
    var response = await api.PostAsJsonAsync(path, body);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}

static Options ParseOptions(string[] args)
{
    var options = new Options(Seconds: 10, Connections: 64, Threads: 2, Links: 1_000_000, Postgres: false, RelaxedSync: false, WarmupSeconds: 10);
    for (var i = 0; i < args.Length; i++)
    {
        options = args[i] switch
        {
            "--postgres" => options with { Postgres = true },
            "--relaxed-sync" => options with { RelaxedSync = true },
            "--duration" => options with { Seconds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--warmup" => options with { WarmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--warmup-max" => options with { MaxWarmupSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--connections" => options with { Connections = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--links" => options with { Links = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--only" => options with { Only = ParseScenarios(args[++i]) },
            _ => throw new ArgumentException($"Unknown option {args[i]}. Use --postgres, --relaxed-sync, --duration S, --warmup S, --warmup-max S, --connections N, --links N, --only {string.Join(',', Scenarios)}."),
        };
    }

    return options;
}

static HashSet<string> ParseScenarios(string list)
{
    var chosen = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    var unknown = chosen.Except(Scenarios).ToList();
    return unknown.Count == 0 ? chosen : throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}; the scenarios are {string.Join(',', Scenarios)}.");
}

internal static partial class Program
{
    private static readonly string[] Scenarios = ["retrieve", "list", "cursor", "page", "create", "purchase"];
}
