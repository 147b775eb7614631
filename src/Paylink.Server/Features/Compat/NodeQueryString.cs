using System.Text;

namespace Paylink.Server.Features.Compat;

/// <summary>
/// Parses a query string the way the Node client's <c>qs.parse</c> does with its defaults, because the
/// client signs that parse: every value a string, <c>a=1&amp;a=2</c> and <c>a[]=1&amp;a[]=2</c> become arrays,
/// <c>a[0]=x&amp;a[1]=y</c> an array in index order (indices below 20; higher ones are object keys),
/// <c>a[b]=c</c> an object, nesting at most 5 brackets deep, names of JavaScript's object prototype dropped.
/// The result uses <see cref="CanonicalJson"/>'s tree types.
/// </summary>
public static class NodeQueryString
{
    private const int ArrayLimit = 20;
    private const int Depth = 5;

    // Keys qs refuses (allowPrototypes: false): own properties of Object.prototype.
    private static readonly HashSet<string> PrototypeNames = new(StringComparer.Ordinal)
    {
        "constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "toString",
        "valueOf", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    public static Dictionary<string, object> Parse(string query)
    {
        var flatKeys = new List<string>();
        var flat = new Dictionary<string, object>(StringComparer.Ordinal);
        var text = query.Replace("%5B", "[", StringComparison.OrdinalIgnoreCase).Replace("%5D", "]", StringComparison.OrdinalIgnoreCase);
        foreach (var part in text.Split('&'))
        {
            var bracketEquals = part.IndexOf("]=", StringComparison.Ordinal);
            var split = bracketEquals == -1 ? part.IndexOf('=', StringComparison.Ordinal) : bracketEquals + 1;
            var key = Decode(split == -1 ? part : part[..split]);
            var value = split == -1 ? "" : Decode(part[(split + 1)..]);
            if (key.Length == 0)
            {
                continue;
            }

            if (flat.TryGetValue(key, out var existing))
            {
                flat[key] = Combine(existing, value);
            }
            else
            {
                flatKeys.Add(key);
                flat[key] = value;
            }
        }

        object result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in flatKeys)
        {
            if (Segments(key) is { } segments)
            {
                result = Merge(result, Build(segments, flat[key]));
            }
        }

        return Compact(result) as Dictionary<string, object> ?? [];
    }

    /// <summary>decodeURIComponent after '+' → space; text that does not decode stays as it is, as in qs.</summary>
    private static string Decode(string value)
    {
        var plain = value.Replace('+', ' ');
        if (!plain.Contains('%', StringComparison.Ordinal))
        {
            return plain;
        }

        var bytes = new List<byte>(plain.Length);
        for (var i = 0; i < plain.Length; i++)
        {
            if (plain[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(plain[i].ToString()));
                continue;
            }

            if (i + 2 >= plain.Length || !Uri.IsHexDigit(plain[i + 1]) || !Uri.IsHexDigit(plain[i + 2]))
            {
                return plain;
            }

            bytes.Add(Convert.ToByte(plain.Substring(i + 1, 2), 16));
            i += 2;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return plain;
        }
    }

    /// <summary><c>a[b][0]</c> → <c>a</c>, <c>[b]</c>, <c>[0]</c>; null when a segment names a prototype property.</summary>
    private static List<string>? Segments(string key)
    {
        var segments = new List<string>();
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var parent = open >= 0 ? key[..open] : key;
        if (parent.Length > 0)
        {
            if (PrototypeNames.Contains(parent))
            {
                return null;
            }

            segments.Add(parent);
        }

        for (var collected = 0; open >= 0 && collected < Depth; collected++)
        {
            var level = 1;
            var close = -1;
            for (var i = open + 1; i < key.Length && close < 0; i++)
            {
                level += key[i] switch { '[' => 1, ']' => -1, _ => 0 };
                if (level == 0)
                {
                    close = i;
                }
            }

            if (close < 0)
            {
                segments.Add("[" + key[open..] + "]");
                return segments;
            }

            var segment = key[open..(close + 1)];
            if (PrototypeNames.Contains(segment[1..^1]))
            {
                return null;
            }

            segments.Add(segment);
            open = key.IndexOf('[', close + 1);
        }

        if (open >= 0)
        {
            segments.Add("[" + key[open..] + "]");
        }

        return segments;
    }

    private static object Build(List<string> segments, object leaf)
    {
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            var root = segments[i];
            if (root == "[]")
            {
                leaf = leaf is List<object?> items ? new List<object?>(items) : new List<object?> { leaf };
                continue;
            }

            var clean = root.Length >= 2 && root[0] == '[' && root[^1] == ']' ? root[1..^1] : root;
            if (root != clean && int.TryParse(clean, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index.ToString(System.Globalization.CultureInfo.InvariantCulture) == clean && index < ArrayLimit)
            {
                var array = new List<object?>(new object?[index + 1]);
                array[index] = leaf;
                leaf = array;
            }
            else
            {
                var obj = new Dictionary<string, object>(StringComparer.Ordinal);
                if (clean != "__proto__")
                {
                    obj[clean] = leaf;
                }

                leaf = obj;
            }
        }

        return leaf;
    }

    private static List<object?> Combine(object existing, object value)
    {
        var list = existing as List<object?> ?? [existing];
        list.Add(value);
        return list;
    }

    /// <summary>qs's merge: objects merge key by key, arrays index by index (a taken index appends), a string meeting anything makes an array.</summary>
    private static object Merge(object target, object source)
    {
        switch (target, source)
        {
            case (List<object?> list, string value):
                list.Add(value);
                return list;
            case (_, string value):
                return new List<object?> { target, value };
            case (string value, List<object?> items):
                return new List<object?> { value }.Concat(items).ToList();
            case (string value, _):
                return new List<object?> { value, source };
            case (List<object?> targetList, List<object?> sourceList):
                for (var i = 0; i < sourceList.Count; i++)
                {
                    if (sourceList[i] is not { } item)
                    {
                        continue;
                    }

                    if (i < targetList.Count && targetList[i] is { } taken)
                    {
                        if (taken is string || item is string)
                        {
                            targetList.Add(item);
                        }
                        else
                        {
                            targetList[i] = Merge(taken, item);
                        }
                    }
                    else
                    {
                        while (targetList.Count <= i)
                        {
                            targetList.Add(null);
                        }

                        targetList[i] = item;
                    }
                }

                return targetList;
            case (List<object?> targetList, _):
                return Merge(ToObject(targetList), source);
            case (Dictionary<string, object> obj, List<object?> sourceList):
                return Merge(obj, ToObject(sourceList));
            case (Dictionary<string, object> obj, Dictionary<string, object> sourceObj):
                foreach (var (key, value) in sourceObj)
                {
                    obj[key] = obj.TryGetValue(key, out var existing) ? Merge(existing, value) : value;
                }

                return obj;
            default:
                return target;
        }
    }

    private static Dictionary<string, object> ToObject(List<object?> list)
    {
        var obj = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item)
            {
                obj[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = item;
            }
        }

        return obj;
    }

    /// <summary>Closes the gaps sparse indices left (<c>a[1]=x</c> alone is <c>["x"]</c>) and turns the tree into <see cref="CanonicalJson"/>'s types.</summary>
    private static object Compact(object value) => value switch
    {
        List<object?> list => list.OfType<object>().Select(Compact).ToList(),
        Dictionary<string, object> obj => obj.ToDictionary(p => p.Key, p => Compact(p.Value), StringComparer.Ordinal),
        _ => value,
    };
}
