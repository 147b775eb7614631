using System.Collections.Frozen;

namespace Paylink.Server.Infrastructure;

public sealed record Currency(string Id, string Name, string Symbol, int Decimal, bool Active)
{
    public long MinorPerMajor { get; } = Decimal == 0 ? 1 : (long)Math.Pow(10, Decimal);
}

/// <summary>
/// The currencies Paylink takes. They are fixed facts (ISO 4217), kept in code rather than in a table;
/// a merchant can switch some off with <c>Paylink__Currencies__Disabled</c> (a comma list).
/// </summary>
public sealed class CurrencyCatalog
{
    private static readonly Currency[] Known =
    [
        new("aud", "Australian Dollar", "A$", 2, true),
        new("cad", "Canadian Dollar", "CA$", 2, true),
        new("chf", "Swiss Franc", "CHF", 2, true),
        new("cny", "Chinese Yuan", "￥", 2, true),
        new("eur", "Euro", "€", 2, true),
        new("gbp", "British Pound", "£", 2, true),
        new("hkd", "Hong Kong Dollar", "HK$", 2, true),
        new("jpy", "Japanese Yen", "¥", 0, true),
        new("sgd", "Singapore Dollar", "S$", 2, true),
        new("usd", "US Dollar", "$", 2, true),
    ];

    /// <summary>The instant every currency record reports as created: they are facts, not merchant data.</summary>
    public static readonly DateTime Epoch = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly FrozenDictionary<string, Currency> _byId;

    public CurrencyCatalog(IConfiguration configuration)
    {
        var disabled = (configuration["Paylink:Currencies:Disabled"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant())
            .ToHashSet();
        _byId = Known.Select(c => c with { Active = !disabled.Contains(c.Id) }).ToFrozenDictionary(c => c.Id);
    }

    public IReadOnlyCollection<Currency> All => _byId.Values;

    public Currency? Find(string id) => _byId.GetValueOrDefault(id.ToLowerInvariant());

    /// <summary>The currency for a <c>currency_id</c> field, or a problem recorded against it.</summary>
    public Currency? Resolve(string? id, string param, Validation validation)
    {
        if (id is null)
        {
            return null;
        }

        var currency = Find(id);
        if (currency is null)
        {
            validation.Add(param, $"Unknown currency '{id}'. Known: {string.Join(", ", _byId.Keys.Order())}.");
            return null;
        }

        if (!currency.Active)
        {
            validation.Add(param, $"The currency '{currency.Id}' is not active.");
            return null;
        }

        return currency;
    }
}
