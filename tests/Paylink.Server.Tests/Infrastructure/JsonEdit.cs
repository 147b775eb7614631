using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>Changes one field of a request body, named by its API path (<c>line_items[0].quantity</c>).</summary>
public static partial class JsonEdit
{
    [GeneratedRegex(@"^(?<name>[^\[\]]+)(\[(?<index>\d+)\])?$")]
    private static partial Regex Step();

    /// <summary>Sets the field to <paramref name="json"/> (JSON text), or removes it when that is null.</summary>
    public static JsonObject With(this JsonObject body, string path, string? json)
    {
        var steps = path.Split('.');
        JsonNode current = body;
        for (var i = 0; i < steps.Length; i++)
        {
            var match = Step().Match(steps[i]);
            var name = match.Groups["name"].Value;
            var last = i == steps.Length - 1;
            var parent = current.AsObject();
            if (match.Groups["index"].Success)
            {
                var array = parent[name]!.AsArray();
                current = array[int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
                Assert.False(last, "A path ends in a field name.");
                continue;
            }

            if (last)
            {
                if (json is null)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = JsonNode.Parse(json);
                }

                break;
            }

            if (parent[name] is null)
            {
                parent[name] = new JsonObject();
            }

            current = parent[name]!;
        }

        return body;
    }

    /// <summary>A JSON string literal of <paramref name="length"/> characters.</summary>
    public static string Text(int length, char c = 'a') => "\"" + new string(c, length) + "\"";
}
