using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Paylink.Server.Startup;

/// <summary>Describes the API's authentication in the OpenAPI document.</summary>
internal sealed class OpenApiSetup : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Paylink API";
        document.Info.Description = "Payment links, products and prices. Authenticate with 'Authorization: Bearer sk_test_…'; errors use the {\"error\": {…}} envelope.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A secret key: sk_test_… or sk_live_…",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
