-module(guard_type_tests).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [42, 1 bsl 80, 3.14, atom, "str", [], [1 | 2], {}, {a, b}, #{}, #{k => v},
            <<"bin">>, <<1:3>>, fun() -> ok end, fun lists:map/2, self(), make_ref(), true, false],
    [erlang:display({kind(V), num(V), lst(V), bool(V)}) || V <- [id(X) || X <- Vals]],
    erlang:display([is_integer(V) || V <- Vals]),
    erlang:display([is_number(V) || V <- Vals]),
    erlang:display([is_binary(V) || V <- Vals]),
    erlang:display([is_bitstring(V) || V <- Vals]),
    erlang:display([is_boolean(V) || V <- Vals]),
    erlang:display([is_reference(V) || V <- Vals]),
    erlang:display([is_pid(V) || V <- Vals]),
    erlang:display([is_port(V) || V <- Vals]),
    erlang:display([is_function(V) || V <- Vals]),
    ok.

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_boolean(X) -> boolean;
kind(X) when is_atom(X) -> atom;
kind(X) when is_list(X) -> list;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_map(X) -> map;
kind(X) when is_binary(X) -> binary;
kind(X) when is_bitstring(X) -> bitstring;
kind(X) when is_function(X) -> function;
kind(X) when is_pid(X) -> pid;
kind(X) when is_reference(X) -> reference;
kind(_) -> unknown.

num(X) when is_number(X), X > 100 -> big_number;
num(X) when is_number(X) -> number;
num(_) -> not_number.

lst([]) -> nil;
lst([_ | T]) when is_list(T) -> cons;
lst([_ | _]) -> improper;
lst(_) -> no.

bool(X) when is_atom(X), (X =:= true) or (X =:= false) -> bool;
bool(X) when is_record(X, a, 2) -> record_a;
bool(_) -> no.
