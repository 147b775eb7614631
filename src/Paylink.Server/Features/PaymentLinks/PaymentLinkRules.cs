using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

/// <summary>The rules of a payment link that look across fields and at the stored prices.</summary>
public static class PaymentLinkRules
{
    /// <summary>Checks the merged draft; returns the line items' prices (with products) when the line items were checked.</summary>
    public static async Task<List<PriceRecord>> CheckAsync(PaylinkDbContext db, CurrencyCatalog currencies, PaymentLinkDraft draft, PaymentLinkRecord? existing,
        bool lineItemsGiven, bool activeGiven, bool livemode, string? termsOfServiceUrl, Validation v, CancellationToken cancellationToken)
    {
        var prices = new List<PriceRecord>();
        if (lineItemsGiven && draft.LineItems.Count > 0)
        {
            var ids = draft.LineItems.Select(l => l.PriceId).Distinct().ToList();
            // Prices come with their products (kept in memory on SQLite): creates of links for one price read it once.
            var found = (await LinkReads.PricesAsync(db, ids, cancellationToken)).Values
                .Where(p => p.Livemode == livemode)
                .ToDictionary(p => p.Id, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < draft.LineItems.Count; i++)
            {
                var line = draft.LineItems[i];
                var param = $"line_items[{i}].price_id";
                if (line.PriceId.Length == 0)
                {
                    continue;
                }

                if (!seen.Add(line.PriceId))
                {
                    v.Add(param, $"The price '{line.PriceId}' appears in more than one line item; use one line with a larger quantity.");
                    continue;
                }

                if (!found.TryGetValue(line.PriceId, out var price))
                {
                    v.Add(param, $"No such price: '{line.PriceId}'.", "resource_missing");
                    continue;
                }

                if (!price.Active)
                {
                    v.Add(param, $"The price '{price.Id}' is archived (active: false).");
                }
                else if (price.Type != "one_time")
                {
                    v.Add(param, $"The price '{price.Id}' is not a one_time price.");
                }
                else if (draft.CurrencyId.Length > 0 && price.CurrencyId != draft.CurrencyId)
                {
                    v.Add(param, $"The price '{price.Id}' is in {price.CurrencyId}, but the link's currency_id is {draft.CurrencyId}.");
                }
                else if (price.UnitAmount is null && draft.LineItems.Count > 1)
                {
                    v.Add(param, $"The price '{price.Id}' lets the customer choose the amount, so it must be the link's only line item.");
                }

                prices.Add(price);
            }

            if (!v.HasErrors)
            {
                CheckLargestTotal(draft.LineItems, found, currencies, v);
            }
        }

        if (draft.TermsOfService == "required" && string.IsNullOrEmpty(termsOfServiceUrl))
        {
            v.Add("consent_collection.terms_of_service",
                "Terms of service can only be required once the server has a terms URL (Paylink__TermsOfServiceUrl).");
        }

        if (existing is not null && activeGiven && draft.Active
            && draft.CompletedSessionsLimit is { } limit && existing.CompletedSessionsCount >= limit)
        {
            v.Add("active", $"This link has reached its limit of {limit} completed sessions; raise or remove restrictions.completed_sessions.limit to activate it again.", "limit_reached");
        }

        if (draft.LookupKey is { } key && !v.HasErrors
            && await db.PaymentLinks.AnyAsync(l => l.Livemode == livemode && l.LookupKey == key && (existing == null || l.Id != existing.Id), cancellationToken))
        {
            v.Add("lookup_key", $"Another payment link in this mode already has the lookup_key '{key}'.", "lookup_key_taken");
        }

        return prices;
    }

    /// <summary>
    /// The most a customer can be asked to pay through these line items (each at its largest quantity, a
    /// chosen amount at its maximum) stays within the cap on any total, so no page they make can reach
    /// an amount that cannot be charged.
    /// </summary>
    private static void CheckLargestTotal(List<PaymentLinkLineItem> items, Dictionary<string, PriceRecord> prices, CurrencyCatalog currencies, Validation v)
    {
        var largest = 0L;
        Currency? currency = null;
        foreach (var item in items)
        {
            if (!prices.TryGetValue(item.PriceId, out var price))
            {
                return;
            }

            currency = currencies.Find(price.CurrencyId)!;
            var unit = price.UnitAmount ?? price.CustomMaximum ?? Money.MaxUnitMinor(currency);
            var quantity = item.AdjustableQuantity is { Enabled: true } adjustable ? adjustable.Maximum : item.Quantity;
            largest = checked(largest + (unit * quantity));
        }

        if (currency is not null && largest > Money.MaxTotal)
        {
            v.Add("line_items", $"These line items allow a total of up to {Money.Format(largest, currency)} {currency.Id} (each unit amount, or a custom_unit_amount's maximum, "
                + $"times its largest quantity), above the most one payment can be, {Money.Format(Money.MaxTotal, currency)}. "
                + "Lower quantity or adjustable_quantity.maximum, or set custom_unit_amount.maximum.", "amount_too_large");
        }
    }
}
