-module(exc_badfun_badarity).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    erlang:display(t(fun() -> (id(not_a_fun))() end)),
    erlang:display(t(fun() -> (id(42))(1, 2) end)),
    erlang:display(t(fun() -> (id({m, f}))() end)),
    erlang:display(t(fun() -> (id([]))(x) end)),
    erlang:display(t(fun() -> (id(<<"f">>))() end)),
    F1 = id(fun(X) -> X end),
    erlang:display(case t(fun() -> F1() end) of
                       {error, {badarity, {F, []}}} when F =:= F1 -> badarity_same_fun;
                       Other -> {unexpected, Other}
                   end),
    erlang:display(case t(fun() -> F1(1, 2) end) of
                       {error, {badarity, {_, Args}}} -> {badarity, Args};
                       Other2 -> {unexpected, Other2}
                   end),
    E = id(fun lists:reverse/1),
    erlang:display(t(fun() -> E(a, b) end)),
    erlang:display(t(fun() -> apply(id(fun(A, B) -> A + B end), [1]) end) =/= ok),
    erlang:display(element(1, t(fun() -> apply(id(fun(A, B) -> A + B end), [1, 2]) end))),
    erlang:display(t(fun() -> apply(id(not_fun), [1]) end)),
    ok.
