using System.Text.Json;
using System.Text.Json.Nodes;
using Paylink.Client;
using Paylink.Data.Entities;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>Stored checkout records to their wire shapes.</summary>
public sealed class CheckoutMapper(CurrencyCatalog currencies, PublicUrls urls)
{
    public CheckoutSession Session(CheckoutSessionRecord s)
    {
        var currency = currencies.Find(s.CurrencyId)!;
        return new CheckoutSession
        {
            Id = s.Id,
            Object = "checkout.session",
            Livemode = s.Livemode,
            PaymentLinkId = s.PaymentLinkId,
            Status = s.Status.Stored(),
            PaymentStatus = s.PaymentStatus.Stored(),
            LineItems = s.Lines.Select(l => new CheckoutLineItem
            {
                PriceId = l.PriceId,
                ProductId = l.ProductId,
                Description = l.Description,
                Quantity = l.Quantity,
                UnitAmount = Money.Format(l.UnitAmount, currency),
                AmountSubtotal = Money.Format(l.AmountSubtotal, currency),
                AmountDiscount = Money.Format(l.AmountDiscount, currency),
                AmountTotal = Money.Format(l.AmountSubtotal - l.AmountDiscount, currency),
            }).ToList(),
            CurrencyId = s.CurrencyId,
            AmountSubtotal = Money.Format(s.AmountSubtotal, currency),
            AmountTotal = Money.Format(s.AmountTotal, currency),
            TotalDetails = new TotalDetails { AmountDiscount = Money.Format(s.AmountDiscount, currency) },
            Discounts = s.Discounts,
            CustomerId = s.CustomerId,
            CustomerDetails = s.CustomerDetails,
            CustomFields = s.CustomFields,
            Consent = s.Consent,
            PaymentIntentId = s.PaymentIntentId,
            Url = $"{urls.Base}/checkout/session/{s.Id}",
            SuccessUrl = s.SuccessUrl,
            CancelUrl = s.CancelUrl,
            ExpiresAt = new DateTimeOffset(s.ExpiresAt, TimeSpan.Zero).ToUnixTimeSeconds(),
            ClientReferenceId = s.ClientReferenceId,
            CustomerEmail = s.CustomerEmail,
            Metadata = Metadata.Parse(s.MetadataJson),
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt,
        };
    }

    public PaymentLink Link(PaymentLinkRecord l) => PaymentLinks.PaymentLinkMapping.ToWire(l, urls.Base, currencies);

    public PaymentIntent Intent(PaymentIntentRecord p) => new()
    {
        Id = p.Id,
        Object = "payment_intent",
        Livemode = p.Livemode,
        Amount = Money.Format(p.Amount, currencies.Find(p.CurrencyId)!),
        CurrencyId = p.CurrencyId,
        Status = p.Status.Stored(),
        LastPaymentError = p.LastErrorCode is null ? null : new PaymentError { Code = p.LastErrorCode, Message = p.LastErrorMessage ?? "" },
        PaymentDetails = p.CardLast4 is null ? null : new PaymentDetails { Card = new CardDetails { Brand = p.CardBrand ?? "unknown", Last4 = p.CardLast4 } },
        CustomerId = p.CustomerId,
        CheckoutSessionId = p.CheckoutSessionId,
        CreatedAt = p.CreatedAt,
        UpdatedAt = p.UpdatedAt,
    };

    public Customer Customer(CustomerRecord c) => new()
    {
        Id = c.Id,
        Object = "customer",
        Livemode = c.Livemode,
        Email = c.Email,
        Name = c.Name,
        Phone = c.Phone,
        Address = c.AddressJson is null ? null : JsonSerializer.Deserialize<Address>(c.AddressJson, ServerJson.Options),
        Metadata = Metadata.Parse(c.MetadataJson),
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
    };
}
