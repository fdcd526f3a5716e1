-module(guard_is_function).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Funs = [fun() -> 0 end, fun(A) -> A end, fun(A, B) -> {A, B} end, fun lists:map/2,
            fun erlang:abs/1, fun ?MODULE:id/1, fun id/1, not_a_fun, {fun() -> 0 end}],
    [erlang:display({arity(F), is_function(F, 0), is_function(F, 1), is_function(F, 2)})
     || F <- [id(X) || X <- Funs]],
    erlang:display([call(F) || F <- Funs]),
    erlang:display(try is_function(id(fun() -> 1 end), -1) catch C:R -> {C, R} end),
    erlang:display(try is_function(id(x), id(foo)) catch C2:R2 -> {C2, R2} end),
    ok.

arity(F) when is_function(F, 0) -> zero;
arity(F) when is_function(F, 1) -> one;
arity(F) when is_function(F, 2) -> two;
arity(F) when is_function(F) -> many;
arity(_) -> not_fun.

call(F) when is_function(F, 0) -> F();
call(F) when is_function(F, 1) -> F(-7);
call(F) when is_function(F, 2) -> F(fun(X) -> X * 2 end, [1, 2]);
call(_) -> none.
