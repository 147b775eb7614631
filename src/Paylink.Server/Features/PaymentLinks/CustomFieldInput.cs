using System.Text.Json;
using Paylink.Client;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>
/// Reads <c>custom_fields</c>: at most 3, each with a unique alphanumeric key, a 1–50 character label
/// (a string, or Stripe's <c>{"type": "custom", "custom": "…"}</c>), a type, and its type's rules.
/// </summary>
public static class CustomFieldInput
{
    public const int MaxFields = 3;

    public static List<CustomField>? Read(JsonFields f)
    {
        var items = f.Array("custom_fields", 0, MaxFields);
        if (items is null)
        {
            return null;
        }

        var fields = new List<CustomField>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in items)
        {
            if (f.ItemObject(item, path) is not { } cf)
            {
                continue;
            }

            var key = cf.String("key", required: true, min: 1, max: 200);
            if (key is not null && !PaymentLinkInput.IsFieldKey(key))
            {
                f.Validation.Add(cf.Param("key"), $"{cf.Param("key")} may contain only letters and digits.");
            }
            else if (key is not null && !keys.Add(key))
            {
                f.Validation.Add(cf.Param("key"), $"{cf.Param("key")} '{key}' is used by another custom field.");
            }

            var field = new CustomField
            {
                Key = key ?? "",
                Label = new CustomFieldLabel { Custom = ReadLabel(cf) ?? "" },
                Type = cf.Enum("type", ["text", "numeric", "dropdown"], required: true) ?? "text",
                Optional = cf.Bool("optional") ?? false,
            };
            field.Text = ReadLength(cf, "text", field.Type);
            field.Numeric = ReadLength(cf, "numeric", field.Type);
            field.Dropdown = ReadDropdown(cf, field.Type);
            cf.Forbid("value", $"{cf.Param("value")} is what the customer enters; it cannot be set on a link.");
            cf.RejectUnknown();
            fields.Add(field);
        }

        return fields;
    }

    private static string? ReadLabel(JsonFields cf)
    {
        if (cf.Has("label") && cf.Element.GetProperty("label").ValueKind == JsonValueKind.Object)
        {
            var label = cf.Object("label")!;
            label.Enum("type", ["custom"]);
            var text = label.String("custom", required: true, min: 1, max: 50, trim: true);
            label.RejectUnknown();
            return text;
        }

        return cf.String("label", required: true, min: 1, max: 50, trim: true);
    }

    private static CustomFieldLength? ReadLength(JsonFields cf, string name, string type)
    {
        if (cf.Object(name) is not { } length)
        {
            return null;
        }

        if (type != name)
        {
            cf.Validation.Add(cf.Param(name), $"{cf.Param(name)} goes with type {name}.");
        }

        var result = new CustomFieldLength
        {
            MinimumLength = (int?)length.Integer("minimum_length", 0, 255),
            MaximumLength = (int?)length.Integer("maximum_length", 0, 255),
        };
        length.Unsupported("default_value");
        length.RejectUnknown();
        if (result.MinimumLength > result.MaximumLength)
        {
            cf.Validation.Add(length.Param("minimum_length"), $"{length.Param("minimum_length")} must not exceed maximum_length.");
        }

        return result;
    }

    private static CustomFieldDropdown? ReadDropdown(JsonFields cf, string type)
    {
        var dropdown = cf.Object("dropdown", required: type == "dropdown");
        if (dropdown is null)
        {
            return null;
        }

        if (type != "dropdown")
        {
            cf.Validation.Add(cf.Param("dropdown"), $"{cf.Param("dropdown")} goes with type dropdown.");
        }

        var result = new CustomFieldDropdown();
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in dropdown.Array("options", 1, 200, required: true) ?? [])
        {
            if (dropdown.ItemObject(item, path) is not { } option)
            {
                continue;
            }

            var label = option.String("label", required: true, min: 1, max: 100);
            var value = option.String("value", required: true, min: 1, max: 100);
            option.RejectUnknown();
            if (value is not null && !values.Add(value))
            {
                cf.Validation.Add(option.Param("value"), $"{option.Param("value")} '{value}' appears twice; option values must be unique.");
            }

            result.Options.Add(new CustomFieldOption { Label = label ?? "", Value = value ?? "" });
        }

        dropdown.Unsupported("default_value");
        dropdown.RejectUnknown();
        return result;
    }
}
