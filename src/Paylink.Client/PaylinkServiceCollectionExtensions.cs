using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Paylink.Client;

/// <summary>Registers <see cref="PaymentClient"/> with dependency injection.</summary>
public static class PaylinkServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PaymentClient"/> as a typed client of <c>IHttpClientFactory</c>, configured by
    /// <paramref name="configure"/> (for example <c>o => builder.Configuration.GetSection("Paylink").Bind(o)</c>).
    /// Inject <see cref="PaymentClient"/> where you need it.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the server address, key and retry settings.</param>
    /// <returns>The HTTP client builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddPaylinkClient(this IServiceCollection services, Action<PaymentClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PaymentClientOptions>().Configure(configure);
        // PaymentClient times each attempt itself, so the HttpClient's own timeout must not cut retries short.
        var builder = services.AddHttpClient(typeof(PaymentClient).FullName!, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddTypedClient((http, provider) => new PaymentClient(provider.GetRequiredService<IOptions<PaymentClientOptions>>().Value, http));
        return builder;
    }
}
