-module(app_json).
-export([main/0]).

%% A small JSON encoder and decoder on binaries.
main() ->
    Doc = #{<<"name">> => <<"kbeam">>, <<"version">> => 1, <<"pi">> => 3.25, <<"tags">> => [<<"vm">>, <<"beam">>],
            <<"nested">> => #{<<"ok">> => true, <<"none">> => null, <<"neg">> => -42},
            <<"escaped">> => <<"quote\" backslash\\ nl\n tab\t">>, <<"empty">> => [], <<"obj">> => #{}},
    Enc = encode(Doc),
    erlang:display(Enc),
    Dec = decode(Enc),
    erlang:display(Dec =:= Doc),
    erlang:display(decode(<<"  [1, 2.5, -3e2, \"s\", true, false, null, {\"a\": [ ]}, \"\\u00e9\\n\"] ">>)),
    erlang:display(decode(<<"{\"k\":{\"k\":{\"k\":[[[1]]]}}}">>)),
    erlang:display(try decode(<<"[1, 2">>) catch throw:E -> {parse_error, E} end),
    erlang:display(try decode(<<"{\"a\" 1}">>) catch throw:E2 -> {parse_error, E2} end),
    Big = [#{<<"id">> => I, <<"sq">> => I * I, <<"name">> => integer_to_binary(I)} || I <- lists:seq(1, 300)],
    BigEnc = encode(Big),
    erlang:display(byte_size(BigEnc)),
    erlang:display(decode(BigEnc) =:= Big),
    ok.

encode(true) -> <<"true">>;
encode(false) -> <<"false">>;
encode(null) -> <<"null">>;
encode(N) when is_integer(N) -> integer_to_binary(N);
encode(F) when is_float(F) -> float_to_binary(F, [short]);
encode(B) when is_binary(B) -> <<$", (escape(B))/binary, $">>;
encode(L) when is_list(L) -> <<$[, (join([encode(X) || X <- L]))/binary, $]>>;
encode(M) when is_map(M) ->
    Pairs = [<<(encode(K))/binary, $:, (encode(V))/binary>> || {K, V} <- lists:sort(maps:to_list(M))],
    <<${, (join(Pairs))/binary, $}>>.

join([]) -> <<>>;
join([H | T]) -> lists:foldl(fun(X, Acc) -> <<Acc/binary, $,, X/binary>> end, H, T).

escape(B) -> << <<(esc(C))/binary>> || <<C>> <= B >>.
esc($") -> <<"\\\"">>;
esc($\\) -> <<"\\\\">>;
esc($\n) -> <<"\\n">>;
esc($\t) -> <<"\\t">>;
esc(C) -> <<C>>.

decode(B) ->
    {V, Rest} = value(ws(B)),
    case ws(Rest) of
        <<>> -> V;
        Other -> throw({trailing, Other})
    end.

ws(<<C, R/binary>>) when C =:= $\s; C =:= $\n; C =:= $\t; C =:= $\r -> ws(R);
ws(B) -> B.

value(<<"true", R/binary>>) -> {true, R};
value(<<"false", R/binary>>) -> {false, R};
value(<<"null", R/binary>>) -> {null, R};
value(<<$", R/binary>>) -> string(R, <<>>);
value(<<$[, R/binary>>) -> array(ws(R), []);
value(<<${, R/binary>>) -> object(ws(R), #{});
value(<<C, _/binary>> = B) when C =:= $-; C >= $0, C =< $9 -> number(B);
value(B) -> throw({unexpected, B}).

string(<<$", R/binary>>, Acc) -> {Acc, R};
string(<<$\\, $n, R/binary>>, Acc) -> string(R, <<Acc/binary, $\n>>);
string(<<$\\, $t, R/binary>>, Acc) -> string(R, <<Acc/binary, $\t>>);
string(<<$\\, $u, H:4/binary, R/binary>>, Acc) ->
    C = binary_to_integer(H, 16),
    string(R, <<Acc/binary, C/utf8>>);
string(<<$\\, C, R/binary>>, Acc) -> string(R, <<Acc/binary, C>>);
string(<<C, R/binary>>, Acc) -> string(R, <<Acc/binary, C>>);
string(<<>>, _) -> throw(unterminated_string).

array(<<$], R/binary>>, Acc) -> {lists:reverse(Acc), R};
array(B, Acc) ->
    {V, R} = value(B),
    case ws(R) of
        <<$,, R2/binary>> -> array(ws(R2), [V | Acc]);
        <<$], R2/binary>> -> {lists:reverse([V | Acc]), R2};
        Other -> throw({bad_array, Other})
    end.

object(<<$}, R/binary>>, Acc) -> {Acc, R};
object(<<$", B/binary>>, Acc) ->
    {K, R} = string(B, <<>>),
    case ws(R) of
        <<$:, R2/binary>> ->
            {V, R3} = value(ws(R2)),
            case ws(R3) of
                <<$,, R4/binary>> -> object(ws(R4), Acc#{K => V});
                <<$}, R4/binary>> -> {Acc#{K => V}, R4};
                Other -> throw({bad_object, Other})
            end;
        Other -> throw({expected_colon, Other})
    end.

number(B) ->
    {Chars, Rest} = take_num(B, []),
    S = binary_to_list(Chars),
    V = case {lists:member($., S), lists:member($e, S) orelse lists:member($E, S)} of
            {false, false} -> list_to_integer(S);
            {true, _} -> list_to_float(S);
            {false, true} ->
                [M, E] = string:split(string:lowercase(S), "e"),
                list_to_integer(M) * math:pow(10, list_to_integer(E))
        end,
    {V, Rest}.

take_num(<<C, R/binary>>, Acc) when C >= $0, C =< $9; C =:= $-; C =:= $+; C =:= $.; C =:= $e; C =:= $E ->
    take_num(R, [C | Acc]);
take_num(R, Acc) -> {list_to_binary(lists:reverse(Acc)), R}.
