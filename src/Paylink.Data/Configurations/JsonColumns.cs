using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Paylink.Client;

namespace Paylink.Data.Configurations;

/// <summary>
/// Nested values that are never queried are kept as JSON text (not jsonb: PostgreSQL would reorder keys),
/// written with the wire's settings, and parsed here only: the entity has the typed value.
/// </summary>
public static class JsonColumns
{
    /// <summary>The wire settings, writing non-ASCII text as it is: what the columns have always held.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>
    /// Stores the property as JSON text in <paramref name="column"/>. Changes are seen by comparing the text,
    /// so a list or object changed in place is saved too.
    /// </summary>
    internal static PropertyBuilder<T> HasJsonText<T>(this PropertyBuilder<T> property, string column) =>
        property.HasColumnName(column).HasConversion(new JsonTextConverter<T>(), new JsonTextComparer<T>());

    private static JsonSerializerOptions Create()
    {
        var options = PaylinkJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

internal sealed class JsonTextConverter<T>() : ValueConverter<T, string>(v => JsonColumns.Write(v), v => JsonColumns.Read<T>(v));

internal sealed class JsonTextComparer<T>() : ValueComparer<T>(
    (a, b) => JsonColumns.Write(a) == JsonColumns.Write(b),
    v => JsonColumns.Write(v).GetHashCode(StringComparison.Ordinal),
    v => JsonColumns.Read<T>(JsonColumns.Write(v)));
