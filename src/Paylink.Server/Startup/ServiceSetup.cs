using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Paylink.Data;
using Paylink.Server.Features.Catalog;
using Paylink.Server.Features.Checkout;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.Compat;
using Paylink.Server.Features.Currencies;
using Paylink.Server.Features.Events;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Features.Promotions;
using Paylink.Server.Features.Webhooks;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Scalar.AspNetCore;

namespace Paylink.Server.Startup;

public static class ServiceSetup
{
    private static readonly TimeSpan CheckoutWindow = TimeSpan.FromMinutes(1);

    public static void AddPaylink(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection("Paylink").Get<PaylinkOptions>() ?? new PaylinkOptions();
        services.Configure<PaylinkOptions>(builder.Configuration.GetSection("Paylink"));
        services.TryAddTimeProvider();
        services.AddPaylinkDatabase(builder.Configuration, options);
        // Registered first: hosted services start in order, and the database must be migrated before
        // Data Protection's own hosted service reads its key ring from it.
        services.AddHostedService<StartupTasks>();
        services.AddDataProtection().SetApplicationName("Paylink").PersistKeysToDbContext<PaylinkDbContext>()
            .ProtectKeyRing(options.KeyRing);

        services.AddSingleton<CurrencyCatalog>();
        services.AddHttpContextAccessor();
        services.AddScoped<PublicUrls>();
        // Pages are UTF-8: write Chinese text and currency symbols as they are, not as numeric entities.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<ICardProcessor, TestCardProcessor>();
        services.AddSingleton<PageSigner>();
        services.AddSingleton<PageForgery>();
        services.AddSingleton<FormTokens>();
        services.AddScoped<CheckoutMapper>();
        services.AddScoped<CheckoutService>();
        services.AddScoped<CheckoutCompletion>();
        services.AddScoped<CheckoutExpiry>();
        services.AddSingleton<CheckoutPages>();
        services.AddHostedService<CheckoutSweeper>();
        services.AddSingleton<IdempotencySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweeper>());
        services.AddSingleton<WebhookTargets>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddSingleton<SecretKeys>();
        services.AddSingleton<FailedAuthentications>();
        services.AddScoped<Caller>();
        services.AddSignedCallers();

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ServerJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSetup>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = RequestBody.MaxBytes + 1024;
            k.Limits.MaxRequestLineSize = RequestLineLimit.KestrelMaxBytes;
        });

        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                if (http.Request.Path.StartsWithSegments("/checkout"))
                {
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : CheckoutWindow;
                    await PageRefusals.TooManyRequestsAsync(http, wait);
                    return;
                }

                // A key's bucket refills every second, so a second is the longest wait unless the limiter says more.
                var apiWait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var apiRetryAfter) ? apiRetryAfter : TimeSpan.FromSeconds(1);
                RetryAfter.Set(http.Response, apiWait);
                await ApiErrors.WriteAsync(http, 429, "rate_limit_error", "rate_limited", "Too many requests. Slow down and retry shortly.");
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<PaylinkOptions>>().Value.RateLimits;
                if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/checkout"))
                {
                    var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                    return RateLimitPartition.GetFixedWindowLimiter("checkout:" + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.CheckoutPerMinute,
                        Window = CheckoutWindow,
                        QueueLimit = 0,
                    });
                }

                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }

                var scope = http.RequestServices.GetRequiredService<Caller>().Scope;
                return RateLimitPartition.GetTokenBucketLimiter("api:" + scope, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.ApiPerSecond * 2,
                    TokensPerPeriod = limits.ApiPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
        });
    }

    public static void UsePaylink(this WebApplication app)
    {
        app.UseRequestIds();
        app.UseCheckoutSecurityHeaders();
        app.UseRequestLineLimit();
        app.UseExceptionHandler();
        app.UseApiStatusCodes();
        app.UseMiddleware<ApiAuthentication>();
        app.UseRequestTextCheck();
        // Switched off means off: no limiter runs, not one that lets everything through.
        if (app.Services.GetRequiredService<IOptions<PaylinkOptions>>().Value.RateLimits.Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseMiddleware<Idempotency>();

        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Paylink API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        app.MapHealthChecks("/healthz");
        app.MapCurrencyEndpoints();
        app.MapProductEndpoints();
        app.MapPriceEndpoints();
        app.MapPaymentLinkEndpoints();
        app.MapCouponEndpoints();
        app.MapPromotionCodeEndpoints();
        app.MapCheckoutApiEndpoints();
        app.MapEventEndpoints();
        app.MapEventRetryEndpoints();
        app.MapWebhookEndpointEndpoints();
        app.MapCheckoutPages();
        app.MapUnsupportedPaymentKitRoutes();
    }

    private sealed class DatabaseHealthCheck(PaylinkDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
