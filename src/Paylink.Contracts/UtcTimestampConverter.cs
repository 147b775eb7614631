using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Paylink.Client;

/// <summary>Reads and writes instants as <c>2023-10-27T10:00:00.000Z</c>: UTC, milliseconds, <c>Z</c>.</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTime>
{
    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A timestamp must be a string.");
        return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        // Digit by digit: a custom format string is parsed again on every call, and every object carries two instants.
        var (year, month, day) = utc;
        Span<byte> text = stackalloc byte[24];
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text[5..7], month);
        text[7] = (byte)'-';
        Digits(text[8..10], day);
        text[10] = (byte)'T';
        Digits(text[11..13], utc.Hour);
        text[13] = (byte)':';
        Digits(text[14..16], utc.Minute);
        text[16] = (byte)':';
        Digits(text[17..19], utc.Second);
        text[19] = (byte)'.';
        Digits(text[20..23], utc.Millisecond);
        text[23] = (byte)'Z';
        writer.WriteStringValue(text);
    }

    /// <summary>Writes <paramref name="value"/> in decimal into all of <paramref name="into"/>, zero-padded on the left.</summary>
    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}

/// <summary>The JSON settings of the wire: snake_case names, timestamps with milliseconds.</summary>
public static class PaylinkJson
{
    /// <summary>Options for reading and writing Paylink's JSON.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies Paylink's wire settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new UtcTimestampConverter());
        // Partial updates send exactly the fields that were assigned (see UpdateOptions).
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(UpdateOptions.OmitUnset);
        return options;
    }
}

/// <summary>Like <see cref="UtcTimestampConverter"/>, for an instant that may be absent (<c>null</c>).</summary>
public sealed class NullableUtcTimestampConverter : JsonConverter<DateTime?>
{
    private static readonly UtcTimestampConverter Inner = new();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTime), options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } instant)
        {
            Inner.Write(writer, instant, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
