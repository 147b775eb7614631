using System.Text.Json;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Reads the fields of one JSON object of a request, checking types and bounds, and remembers which
/// fields were read so that anything left over is reported as unknown. Problems go to a shared
/// <see cref="Validation"/> with their full parameter path (<c>line_items[0].quantity</c>).
/// </summary>
public sealed class JsonFields(JsonElement element, string path, Validation validation)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Validation Validation { get; } = validation;

    public JsonElement Element { get; } = element;

    public string Param(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public bool Has(string name) => Element.TryGetProperty(name, out _);

    /// <summary>True when the field is present and JSON null.</summary>
    public bool IsNull(string name) => Element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Null;

    /// <summary>The raw value, or null when absent or JSON null.</summary>
    public JsonElement? Value(string name, bool required = false)
    {
        _read.Add(name);
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Validation.Add(Param(name), $"{Param(name)} is required.", "parameter_missing");
            }

            return null;
        }

        return value;
    }

    public string? String(string name, bool required = false, int min = 0, int max = int.MaxValue, bool trim = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Validation.Add(Param(name), $"{Param(name)} must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (trim)
        {
            text = text.Trim();
        }

        if (text.Length < min || text.Length > max)
        {
            Validation.Add(Param(name), min == max
                ? $"{Param(name)} must be {min} characters long."
                : max == int.MaxValue
                    ? $"{Param(name)} must be at least {min} characters long."
                    : min > 0
                        ? $"{Param(name)} must be between {min} and {max} characters long."
                        : $"{Param(name)} must be at most {max} characters long.");
            return null;
        }

        return text;
    }

    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var text = String(name, required);
        if (text is not null && !allowed.Contains(text))
        {
            Validation.Add(Param(name), $"{Param(name)} must be one of: {string.Join(", ", allowed)}.");
            return null;
        }

        return text;
    }

    public bool? Bool(string name, bool required = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Validation.Add(Param(name), $"{Param(name)} must be true or false.");
            return null;
        }

        return value.GetBoolean();
    }

    public long? Integer(string name, long min, long max, bool required = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Validation.Add(Param(name), $"{Param(name)} must be a whole number between {min} and {max}.");
            return null;
        }

        if (number < min || number > max)
        {
            Validation.Add(Param(name), $"{Param(name)} must be between {min} and {max}.");
            return null;
        }

        return number;
    }

    public JsonFields? Object(string name, bool required = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Validation.Add(Param(name), $"{Param(name)} must be an object.");
            return null;
        }

        return new JsonFields(value, Param(name), Validation);
    }

    /// <summary>The items of an array field, each with its path (<c>name[i]</c>).</summary>
    public List<(JsonElement Item, string Path)>? Array(string name, int minItems, int maxItems, bool required = false)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Validation.Add(Param(name), $"{Param(name)} must be an array.");
            return null;
        }

        var count = value.GetArrayLength();
        if (count < minItems || count > maxItems)
        {
            Validation.Add(Param(name), minItems == 0
                ? $"{Param(name)} may have at most {maxItems} items."
                : $"{Param(name)} must have between {minItems} and {maxItems} items.");
            return null;
        }

        var items = new List<(JsonElement, string)>(count);
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add((item, $"{Param(name)}[{i++}]"));
        }

        return items;
    }

    /// <summary>An array item that must itself be an object.</summary>
    public JsonFields? ItemObject(JsonElement item, string itemPath)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Validation.Add(itemPath, $"{itemPath} must be an object.");
            return null;
        }

        return new JsonFields(item, itemPath, Validation);
    }

    /// <summary>Fields PaymentKit knows but Paylink does not implement yet: refused, never ignored.</summary>
    public void Unsupported(params string[] names)
    {
        foreach (var name in names)
        {
            _read.Add(name);
            if (Has(name))
            {
                Validation.Add(Param(name), $"{Param(name)} is not supported by Paylink yet.", "parameter_unsupported");
            }
        }
    }

    /// <summary>Fields the caller may not send here (read-only, or not allowed on this call).</summary>
    public void Forbid(string name, string message, string code = "parameter_invalid")
    {
        _read.Add(name);
        if (Has(name))
        {
            Validation.Add(Param(name), message, code);
        }
    }

    /// <summary>Reports every field that nothing read.</summary>
    public void RejectUnknown()
    {
        foreach (var property in Element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                Validation.Add(Param(property.Name), $"Unknown parameter: {Param(property.Name)}.", "parameter_unknown");
            }
        }
    }
}
