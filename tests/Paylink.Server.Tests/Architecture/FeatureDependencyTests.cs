using System.Text.RegularExpressions;

namespace Paylink.Server.Tests.Architecture;

/// <summary>
/// The server's feature folders (<c>src/Paylink.Server/Features/*</c>) depend on one another one way only:
/// no loop between them, however long, and no feature reaches into another feature's <c>*Endpoints</c>
/// class (wire mapping lives in <c>*Mapping</c> files, shared names outside the endpoints). Read from the
/// source: a <c>using Paylink.Server.Features.X</c> line or a name qualified with <c>Features.X.</c> is an
/// arrow to feature X. Endpoints are mapped through their <c>Map…Endpoints</c> extension methods, which
/// name no endpoint class.
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string ServerFolder = Path.Combine(RepositoryRoot(), "src", "Paylink.Server");
    private static readonly string FeaturesFolder = Path.Combine(ServerFolder, "Features");

    [Fact]
    public void No_loop_runs_between_feature_folders()
    {
        var arrows = Arrows();
        Assert.True(arrows.Count > 1, "The source of the feature folders was not found or names no other feature.");

        var loop = FindLoop(arrows);

        Assert.True(loop is null, $"The features depend on each other in a loop: {string.Join(" → ", loop ?? [])}. Arrows: {Describe(arrows)}");
    }

    [Fact]
    public void No_file_uses_an_endpoint_class_of_another_feature()
    {
        var endpointClasses = SourceFiles(FeaturesFolder)
            .SelectMany(file => EndpointClass().Matches(Code(file)).Select(m => (Name: m.Groups[1].Value, Feature: FeatureOf(file))))
            .ToList();
        Assert.NotEmpty(endpointClasses);

        var reaches = (
            from file in SourceFiles(ServerFolder)
            let code = Code(file)
            from endpoints in endpointClasses
            where endpoints.Feature != FeatureOf(file) && Regex.IsMatch(code, $@"\b{endpoints.Name}\b")
            select $"{Path.GetRelativePath(ServerFolder, file)} uses {endpoints.Name}").ToList();

        Assert.True(reaches.Count == 0, string.Join("\n", reaches));
    }

    private static Dictionary<string, SortedSet<string>> Arrows()
    {
        var features = Directory.GetDirectories(FeaturesFolder).Select(Path.GetFileName).OfType<string>().ToHashSet();
        var arrows = features.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var file in SourceFiles(FeaturesFolder))
        {
            var from = FeatureOf(file)!;
            foreach (Match reference in FeatureReference().Matches(Code(file)))
            {
                var to = reference.Groups[1].Value;
                if (to != from && features.Contains(to))
                {
                    arrows[from].Add(to);
                }
            }
        }

        return arrows;
    }

    /// <summary>A path that leaves a feature and comes back to it, or null when the arrows make no loop.</summary>
    private static List<string>? FindLoop(Dictionary<string, SortedSet<string>> arrows)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string feature)
        {
            var at = path.IndexOf(feature);
            if (at >= 0)
            {
                return [.. path[at..], feature];
            }

            if (!done.Add(feature))
            {
                return null;
            }

            path.Add(feature);
            foreach (var next in arrows[feature])
            {
                if (Visit(next) is { } loop)
                {
                    return loop;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return arrows.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(loop => loop is not null);
    }

    private static string Describe(Dictionary<string, SortedSet<string>> arrows) =>
        string.Join("; ", arrows.Where(a => a.Value.Count > 0).Select(a => $"{a.Key} → {string.Join(", ", a.Value)}"));

    /// <summary>The feature folder a file is in, or null for a file outside <c>Features</c>.</summary>
    private static string? FeatureOf(string file)
    {
        var relative = Path.GetRelativePath(FeaturesFolder, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? null : relative.Split(Path.DirectorySeparatorChar)[0];
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    /// <summary>A file's text without its line comments, so prose that names a feature is no arrow.</summary>
    private static string Code(string file) =>
        string.Join('\n', File.ReadLines(file).Select(line => line.IndexOf("//", StringComparison.Ordinal) is var at and >= 0 && !line[..at].Contains('"') ? line[..at] : line));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Paylink.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Paylink.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bFeatures\.(\w+)")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"\bclass\s+(\w+Endpoints)\b")]
    private static partial Regex EndpointClass();
}
