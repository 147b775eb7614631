using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Features.Catalog;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.PaymentLinks;

public static class PaymentLinkMapping
{
    /// <param name="prices">When given, each line item also carries its price with product and currency (retrieve).</param>
    /// <param name="draft">The record's settings when the caller has read them already (they are parsed from JSON).</param>
    public static PaymentLink ToWire(PaymentLinkRecord record, string baseUrl, CurrencyCatalog currencies,
        IReadOnlyDictionary<string, PriceRecord>? prices = null, PaymentLinkDraft? draft = null)
    {
        draft ??= PaymentLinkDraft.From(record);
        if (prices is not null)
        {
            foreach (var line in draft.LineItems)
            {
                if (prices.TryGetValue(line.PriceId, out var price))
                {
                    line.Price = PriceMapping.ToWire(price, currencies, price.Product, expandCurrency: true);
                }
            }
        }

        return new PaymentLink
        {
            Id = record.Id,
            Object = "payment_link",
            Active = record.Active,
            Livemode = record.Livemode,
            Name = record.Name,
            Url = $"{baseUrl}/checkout/pay/{record.Id}",
            LineItems = draft.LineItems,
            CurrencyId = record.CurrencyId,
            AfterCompletion = draft.AfterCompletion,
            AllowPromotionCodes = record.AllowPromotionCodes,
            CustomFields = draft.CustomFields,
            CustomText = draft.CustomText,
            CustomerCreation = record.CustomerCreation,
            BillingAddressCollection = record.BillingAddressCollection,
            PhoneNumberCollection = new PhoneNumberCollection { Enabled = record.PhoneNumberCollection },
            ConsentCollection = new ConsentCollection { TermsOfService = record.TermsOfService },
            SubmitType = record.SubmitType,
            Metadata = Metadata.Parse(record.MetadataJson),
            Restrictions = record.CompletedSessionsLimit is { } limit
                ? new PaymentLinkRestrictions { CompletedSessions = new CompletedSessionsRestriction { Limit = limit, Count = record.CompletedSessionsCount } }
                : null,
            InactiveMessage = record.InactiveMessage,
            LookupKey = record.LookupKey,
            CreatedVia = record.CreatedVia,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
        };
    }
}
