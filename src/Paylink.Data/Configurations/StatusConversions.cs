using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Paylink.Data.Entities;

namespace Paylink.Data.Configurations;

/// <summary>Every status type is stored as its <see cref="StoredText"/>, in a text column, on both databases.</summary>
internal static class StatusConversions
{
    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<CheckoutSessionStatus>().HaveConversion<StoredTextConverter<CheckoutSessionStatus>>();
        configurationBuilder.Properties<CheckoutPaymentStatus>().HaveConversion<StoredTextConverter<CheckoutPaymentStatus>>();
        configurationBuilder.Properties<PaymentIntentStatus>().HaveConversion<StoredTextConverter<PaymentIntentStatus>>();
        configurationBuilder.Properties<WebhookEndpointStatus>().HaveConversion<StoredTextConverter<WebhookEndpointStatus>>();
        configurationBuilder.Properties<WebhookDeliveryStatus>().HaveConversion<StoredTextConverter<WebhookDeliveryStatus>>();
    }
}

/// <summary>A status to and from its <see cref="StoredText"/>.</summary>
public sealed class StoredTextConverter<TStatus>() : ValueConverter<TStatus, string>(v => v.Stored(), v => StoredText.Parse<TStatus>(v))
    where TStatus : struct, Enum;
