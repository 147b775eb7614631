using System.Text.Json;
using System.Text.Json.Nodes;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// The merchant's key-value data: at most 50 keys of 1–40 characters, each value a string, number or
/// boolean of at most 500 characters as text. Stored as JSON text so keys keep the order they were sent in.
/// </summary>
public static class Metadata
{
    public const int MaxKeys = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;
    public const string Empty = "{}";

    /// <summary>The stored text for a create: null and empty-string values are simply not kept.</summary>
    public static string? ReadForCreate(JsonFields fields, string name = "metadata")
    {
        var changes = Read(fields, name);
        return changes is null ? null : Checked(Apply(Empty, changes), fields, name);
    }

    /// <summary>
    /// Applies an update's <c>metadata</c> to the stored text: given keys are set, keys set to null or
    /// <c>""</c> are removed, others stay; <c>"metadata": null</c> clears everything. Null when the field is absent.
    /// </summary>
    public static string? ReadForUpdate(JsonFields fields, string current, string name = "metadata")
    {
        if (!fields.Has(name))
        {
            return null;
        }

        if (fields.IsNull(name))
        {
            fields.Value(name);
            return Empty;
        }

        var changes = Read(fields, name);
        return changes is null ? null : Checked(Apply(current, changes), fields, name);
    }

    public static JsonObject Parse(string stored) =>
        JsonNode.Parse(stored) as JsonObject ?? [];

    private static List<KeyValuePair<string, JsonElement?>>? Read(JsonFields fields, string name)
    {
        if (fields.Value(name) is not { } value)
        {
            return null;
        }

        var param = fields.Param(name);
        var validation = fields.Validation;
        if (value.ValueKind != JsonValueKind.Object)
        {
            validation.Add(param, $"{param} must be an object of keys and string, number or boolean values.");
            return null;
        }

        var changes = new List<KeyValuePair<string, JsonElement?>>();
        var ok = true;
        foreach (var property in value.EnumerateObject())
        {
            var keyParam = $"{param}.{property.Name}";
            if (property.Name.Length is 0 or > MaxKeyLength)
            {
                validation.Add(keyParam, $"Metadata keys must be 1 to {MaxKeyLength} characters long.");
                ok = false;
                continue;
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Null:
                    changes.Add(new(property.Name, null));
                    break;
                case JsonValueKind.String when property.Value.GetString()!.Length == 0:
                    changes.Add(new(property.Name, null));
                    break;
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    var length = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!.Length
                        : property.Value.GetRawText().Length;
                    if (length > MaxValueLength)
                    {
                        validation.Add(keyParam, $"Metadata values must be at most {MaxValueLength} characters long.");
                        ok = false;
                    }
                    else
                    {
                        changes.Add(new(property.Name, property.Value));
                    }

                    break;
                default:
                    validation.Add(keyParam, "Metadata values must be strings, numbers or booleans; nested objects and arrays are not allowed.");
                    ok = false;
                    break;
            }
        }

        return ok ? changes : null;
    }

    private static string Apply(string current, List<KeyValuePair<string, JsonElement?>> changes)
    {
        var merged = Parse(current);
        foreach (var (key, value) in changes)
        {
            if (value is { } v)
            {
                merged[key] = JsonNode.Parse(v.GetRawText());
            }
            else
            {
                merged.Remove(key);
            }
        }

        return merged.ToJsonString(ServerJson.Options);
    }

    /// <summary>The key limit holds for what would be stored: a create's keys, or an update's merged with those kept.</summary>
    private static string Checked(string stored, JsonFields fields, string name)
    {
        if (Parse(stored).Count > MaxKeys)
        {
            var param = fields.Param(name);
            fields.Validation.Add(param, $"{param} may have at most {MaxKeys} keys.");
        }

        return stored;
    }
}
