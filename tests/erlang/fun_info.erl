-module(fun_info).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Y = id(captured),
    Funs = [fun() -> ok end, fun(A) -> A end, fun(A, B, C) -> {A, B, C} end, fun(_) -> Y end,
            fun lists:map/2, fun ?MODULE:id/1, fun id/1],
    [erlang:display({erlang:fun_info(F, arity), erlang:fun_info(F, module), erlang:fun_info(F, type)}) || F <- Funs],
    [erlang:display(erlang:fun_info(F, env)) || F <- Funs],
    [erlang:display(erlang:fun_info(F, name)) || F <- Funs],
    [erlang:display(erlang:fun_info(F, index)) || F <- Funs, erlang:fun_info(F, type) =:= {type, local}],
    erlang:display(erlang:fun_info(fun lists:map/2)),
    erlang:display(try erlang:fun_info(id(fun() -> ok end), bogus) catch error:R -> {error, R} end),
    ok.
