using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Paylink.Server.Features.Compat;

/// <summary>
/// The JSON text the Node client signs: what its <c>json-stable-stringify</c> writes. Values are plain
/// trees — <see cref="Dictionary{TKey,TValue}"/> for objects, <see cref="List{T}"/> for arrays, <see cref="string"/>
/// for strings and <see cref="Literal"/> for numbers, booleans and null — so the body and the parsed query
/// string share one writer.
/// </summary>
public static class CanonicalJson
{
    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>, kept as the body wrote it (the client's JSON.stringify already wrote numbers canonically).</summary>
    public sealed record Literal(string Raw);

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    /// <summary>Parses a JSON body into a tree; a repeated key keeps its last value, as JSON.parse does. Throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static object Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The body holds no JSON value.");
        }

        var value = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The body holds more than one JSON value.");
        }

        return value;
    }

    public static string Write(object value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static object ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new Dictionary<string, object>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = ReadString(ref reader);
                    reader.Read();
                    obj[key] = ReadValue(ref reader);
                }

                return obj;
            case JsonTokenType.StartArray:
                var list = new List<object>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
                return new Literal(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new Literal("true");
            case JsonTokenType.False:
                return new Literal("false");
            case JsonTokenType.Null:
                return new Literal("null");
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    /// <summary>
    /// Unescapes by hand: System.Text.Json refuses a lone surrogate (<c>"\ud800"</c>), which JavaScript
    /// strings may hold and JSON.stringify writes as exactly that escape.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader)
    {
        var raw = Encoding.UTF8.GetString(reader.ValueSpan);
        if (!reader.ValueIsEscaped)
        {
            return raw;
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                text.Append(raw[i]);
                continue;
            }

            var escape = raw[++i];
            switch (escape)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    text.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(escape); break;
            }
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, object value)
    {
        switch (value)
        {
            case string s:
                WriteString(text, s);
                break;
            case Literal literal:
                text.Append(literal.Raw);
                break;
            case List<object> list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, list[i]);
                }

                text.Append(']');
                break;
            case Dictionary<string, object> obj:
                text.Append('{');
                var first = true;
                foreach (var key in obj.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    WriteString(text, key);
                    text.Append(':');
                    Write(text, obj[key]);
                }

                text.Append('}');
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} as canonical JSON.", nameof(value));
        }
    }

    /// <summary>As JSON.stringify: escapes only <c>"</c>, <c>\</c>, control characters and lone surrogates; everything else stays literal.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
