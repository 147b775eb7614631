using System.Text.RegularExpressions;

namespace Paylink.Server.Infrastructure.Lists;

/// <summary>
/// The list parameters every <c>GET /api/&lt;resource&gt;</c> takes: <c>page</c>, <c>pageSize</c>, <c>order</c>
/// (<c>order=updated_at:DESC</c>, <c>order[0]=updated_at&amp;order[1]=DESC</c> or
/// <c>order[0][0]=updated_at&amp;order[0][1]=DESC</c>), <c>starting_after</c>, <c>ending_before</c>.
/// </summary>
public sealed partial record ListRequest(int Page, int PageSize, string OrderField, bool Descending, string? StartingAfter, string? EndingBefore)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    [GeneratedRegex(@"^order(\[0\])?\[(?<i>[01])\]$", RegexOptions.CultureInvariant)]
    private static partial Regex OrderPart();

    public string? Cursor => StartingAfter ?? EndingBefore;

    /// <summary>
    /// Reads the list parameters; <paramref name="filters"/> names the resource's own filters. Any other
    /// query parameter (but <c>livemode</c>) is refused, so a typo never silently lists everything.
    /// </summary>
    public static ListRequest Parse(IQueryCollection query, IReadOnlyCollection<string> orderFields, IReadOnlyCollection<string> filters)
    {
        var validation = new Validation();
        var page = ReadInt(query, "page", 1, int.MaxValue / MaxPageSize, 1, validation);
        var pageSize = ReadInt(query, "pageSize", 1, MaxPageSize, DefaultPageSize, validation);
        string? orderField = null;
        string? direction = null;

        foreach (var (name, values) in query)
        {
            if (name == "order")
            {
                var parts = values.ToString().Split(':', 2);
                orderField = parts[0];
                direction = parts.Length > 1 ? parts[1] : null;
            }
            else if (OrderPart().Match(name) is { Success: true } m)
            {
                if (m.Groups["i"].Value == "0")
                {
                    orderField = values.ToString();
                }
                else
                {
                    direction = values.ToString();
                }
            }
            else if (name is not ("page" or "pageSize" or "starting_after" or "ending_before" or "livemode") && !filters.Contains(name))
            {
                validation.Add(name, $"Unknown parameter: {name}.", "parameter_unknown");
            }
        }

        var descending = true;
        if (orderField is not null && !orderFields.Contains(orderField))
        {
            validation.Add("order", $"order must sort by one of: {string.Join(", ", orderFields)}.");
        }

        if (direction is not null)
        {
            if (direction.Equals("DESC", StringComparison.OrdinalIgnoreCase))
            {
                descending = true;
            }
            else if (direction.Equals("ASC", StringComparison.OrdinalIgnoreCase))
            {
                descending = false;
            }
            else
            {
                validation.Add("order", "The order direction must be ASC or DESC.");
            }
        }
        else if (orderField is not null)
        {
            descending = false;
        }

        var startingAfter = NonEmpty(query, "starting_after");
        var endingBefore = NonEmpty(query, "ending_before");
        if (startingAfter is not null && endingBefore is not null)
        {
            validation.Add("ending_before", "Send starting_after or ending_before, not both.");
        }

        validation.ThrowIfAny();
        return new ListRequest(page, pageSize, orderField ?? "created_at", descending, startingAfter, endingBefore);
    }

    /// <summary>A boolean filter such as <c>active=true</c>; null when absent.</summary>
    public static bool? ReadBool(IQueryCollection query, string name) =>
        !query.TryGetValue(name, out var values) ? null : values.ToString() switch
        {
            "true" => true,
            "false" => false,
            _ => throw ApiException.Invalid(name, $"{name} must be true or false."),
        };

    public static string? NonEmpty(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } value ? value : null;

    private static int ReadInt(IQueryCollection query, string name, int min, int max, int fallback, Validation validation)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return fallback;
        }

        if (!int.TryParse(values.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            validation.Add(name, $"{name} must be a whole number between {min} and {max}.");
            return fallback;
        }

        return value;
    }
}
