namespace Paylink.Data.Entities;

public sealed class PromotionCodeRecord
{
    public required string Id { get; set; }
    public bool Livemode { get; set; }

    /// <summary>The code as the merchant wrote it, shown back to customers.</summary>
    public required string Code { get; set; }

    /// <summary>The code upper-cased: what customers' input is matched against, unique per mode among active codes.</summary>
    public required string CodeKey { get; set; }

    public required string CouponId { get; set; }
    public bool Active { get; set; } = true;
    public long? MaxRedemptions { get; set; }
    public long TimesRedeemed { get; set; }

    /// <summary>Redemptions held by checkout sessions that are paying now.</summary>
    public long RedemptionsReserved { get; set; }

    public DateTime? ExpiresAt { get; set; }

    /// <summary>Minor units of <see cref="MinimumAmountCurrency"/>, compared with the subtotal before discount.</summary>
    public long? MinimumAmount { get; set; }

    public string? MinimumAmountCurrency { get; set; }
    public bool FirstTimeTransaction { get; set; }
    public string MetadataJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public CouponRecord? Coupon { get; set; }
}
