using System.Text.Json;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Catalog;

/// <summary>Reads the product fields shared by create and update into a record.</summary>
public static class ProductInput
{
    public const int MaxImages = 8;

    /// <summary>Applies each present field to <paramref name="product"/>; on create, absent fields keep their defaults.</summary>
    public static void Apply(JsonFields f, ProductRecord product, bool create)
    {
        if (create || f.Has("name"))
        {
            product.Name = f.String("name", required: true, min: 1, max: 255, trim: true) ?? product.Name;
        }

        if (f.Has("type"))
        {
            product.Type = f.Enum("type", ["service", "good"]) ?? "service";
        }

        if (f.Has("description"))
        {
            product.Description = f.String("description", max: 5000);
        }

        if (f.Has("unit_label"))
        {
            product.UnitLabel = f.String("unit_label", max: 12);
        }

        if (f.Has("statement_descriptor"))
        {
            product.StatementDescriptor = f.String("statement_descriptor", min: 5, max: 22);
        }

        if (f.Has("images"))
        {
            product.ImagesJson = ReadImages(f) ?? "[]";
        }

        if (f.Bool("active") is { } active)
        {
            product.Active = active;
        }

        f.Unsupported("tax_code", "shipping_dimensions", "package_dimensions", "features", "marketing_features", "url", "shippable");
        f.Forbid("default_price", "Use default_price_id.", "parameter_unknown");
    }

    private static string? ReadImages(JsonFields f)
    {
        var items = f.Array("images", 0, MaxImages);
        if (items is null)
        {
            return null;
        }

        var urls = new List<string>();
        foreach (var (item, path) in items)
        {
            // Spaces around a URL are not part of it: it is stored trimmed, as other URL fields are.
            var url = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
            if (url is null
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || url.Length > 2048)
            {
                f.Validation.Add(path, $"{path} must be an absolute http(s) URL of at most 2048 characters.");
                continue;
            }

            urls.Add(url);
        }

        return JsonSerializer.Serialize(urls);
    }
}
