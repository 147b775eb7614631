using Microsoft.Extensions.Options;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Features.Compat;

public static class CompatSetup
{
    /// <summary>Lets the published Node client in by its request signature, for the keys in <c>Paylink:TrustedCallers</c>.</summary>
    public static void AddSignedCallers(this IServiceCollection services)
    {
        services.AddOptions<TrustedCallerOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Load(configuration.GetSection(TrustedCallerOptions.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedCallerOptions>, TrustedCallerOptions.Validator>();
        services.AddSingleton<ICallerAuthenticator, SignatureAuthenticator>();
    }
}
