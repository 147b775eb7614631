using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// The public base URL of links and pages: <c>Paylink__PublicBaseUrl</c>, else the current request's
/// own scheme and host, else (background work) the first address the server listens on.
/// </summary>
public sealed class PublicUrls(IOptions<PaylinkOptions> options, IHttpContextAccessor http, IServiceProvider services)
{
    public string Base
    {
        get
        {
            if (options.Value.PublicBaseUrl is { } configured)
            {
                return configured.TrimEnd('/');
            }

            if (http.HttpContext?.Request is { } request)
            {
                return options.Value.BaseUrl(request);
            }

            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return (address ?? "http://127.0.0.1:5080").Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }
    }
}
