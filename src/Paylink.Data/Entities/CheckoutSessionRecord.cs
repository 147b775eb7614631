using Paylink.Client;

namespace Paylink.Data.Entities;

public sealed class CheckoutSessionRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }
    public string? PaymentLinkId { get; set; }

    /// <summary>The link's version the customer saw, for links.</summary>
    public int? PaymentLinkVersion { get; set; }

    /// <summary>The single-use token of the page form that made this session (unique), so a double post makes one session.</summary>
    public string? FormToken { get; set; }

    public CheckoutSessionStatus Status { get; set; } = CheckoutSessionStatus.Open;
    public CheckoutPaymentStatus PaymentStatus { get; set; } = CheckoutPaymentStatus.Unpaid;
    public required string CurrencyId { get; set; }

    /// <summary>The lines with their price snapshot, in minor units (stored as JSON text).</summary>
    public List<SessionLine> Lines { get; set; } = [];

    public long AmountSubtotal { get; set; }
    public long AmountDiscount { get; set; }
    public long AmountTotal { get; set; }
    public List<SessionDiscount> Discounts { get; set; } = [];

    /// <summary>The promotion code (and its coupon) the totals were computed with; held with the rest while <see cref="Reserved"/>.</summary>
    public string? PromotionCodeId { get; set; }

    public string? CouponId { get; set; }

    /// <summary>The lower-cased email the customer entered, for "first purchase" promotion codes.</summary>
    public string? BuyerEmail { get; set; }

    public string? CustomerId { get; set; }
    public CustomerDetails? CustomerDetails { get; set; }
    public List<CustomField> CustomFields { get; set; } = [];
    public SessionConsent? Consent { get; set; }

    /// <summary>The page options (billing address, phone, custom fields, submit type, after completion…).</summary>
    public string SettingsJson { get; set; } = "{}";

    public string? PaymentIntentId { get; set; }
    public string? SuccessUrl { get; set; }
    public string? CancelUrl { get; set; }
    public string? CustomerEmail { get; set; }
    public string? ClientReferenceId { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public string Locale { get; set; } = "en";

    /// <summary>Whether limited things (link sessions, price stock, promotion code redemptions) are held for this session right now.</summary>
    public bool Reserved { get; set; }

    /// <summary>Until when a reservation holds if its payment never finishes.</summary>
    public DateTime? ReservedUntil { get; set; }

    public DateTime ExpiresAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
