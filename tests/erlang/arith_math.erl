-module(arith_math).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

show(Name, F) -> erlang:display({Name, float_to_list(F, [short])}).

main() ->
    show(pi, math:pi()),
    show(sqrt2, math:sqrt(id(2))),
    show(sqrt, math:sqrt(id(1.0e10))),
    show(exp1, math:exp(id(1))),
    show(log10, math:log(id(10))),
    show(log2_1024, math:log2(id(1024))),
    show(log10_1000, math:log10(id(1000))),
    show(pow, math:pow(id(2), 0.5)),
    show(pow2, math:pow(id(1.5), 10)),
    show(sin, math:sin(id(1.0))),
    show(cos, math:cos(id(1.0))),
    show(tan, math:tan(id(0.5))),
    show(asin, math:asin(id(0.5))),
    show(acos, math:acos(id(0.5))),
    show(atan, math:atan(id(1))),
    show(atan2, math:atan2(id(1), -1)),
    show(sinh, math:sinh(id(1))),
    show(cosh, math:cosh(id(1))),
    show(tanh, math:tanh(id(0.5))),
    show(fmod, math:fmod(id(10.5), 3)),
    show(fmod_neg, math:fmod(id(-10.5), 3)),
    show(sin0, math:sin(id(0))),
    show(exp0, math:exp(id(0))),
    show(floor, math:floor(id(-1.5))),
    show(ceil, math:ceil(id(-1.5))),
    show(e, math:exp(1)),
    erlang:display(t(fun() -> math:sqrt(id(-1)) end)),
    erlang:display(t(fun() -> math:log(id(0)) end)),
    erlang:display(t(fun() -> math:pow(id(10), 400) end)),
    erlang:display(t(fun() -> math:acos(id(2)) end)),
    erlang:display([round(math:sin(X * math:pi() / 6) * 1000) || X <- lists:seq(0, 12)]),
    erlang:display([trunc(math:sqrt(X)) || X <- lists:seq(0, 30)]),
    ok.
